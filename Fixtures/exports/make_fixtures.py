#!/usr/bin/env python3
"""Writes the synthetic export fixtures in this folder. Every post is made up for postlint;
each file reproduces the quirks in ../shared/reference/formats.md. Run from this folder."""
import csv, io, json, os

# The same six posts in every generic format, so findings can be compared across formats.
POSTS = [
    ("p1", "2025-01-03T09:00:00Z", "Good vibes only!! 🌈 new year, new me"),
    ("p2", "2025-01-20T10:30:00Z", "Studies show magnesium cures anxiety. Trust me."),
    ("p3", "2025-02-11T22:15:00Z", "I have been thinking about suicide a lot lately.\nNot sure who to tell."),
    ("p4", "2025-02-14T08:00:00Z", "Therapy helped me, and it took time. 💚"),
    ("p5", "2025-03-01T12:00:00Z", "My uncle committed suicide when I was young; call or text 988 if you need to."),
    ("p6", "2025-03-09T18:45:00Z", "He said \"it is what it is\", and honestly, it is what it is."),
]

def write(path, text, bom=False):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(text)

def mojibake(text):
    """Meta's export encoding: each UTF-8 byte written as one Latin-1 character."""
    return text.encode("utf-8").decode("latin-1")

# Generic formats: the same posts.
write("same/posts.jsonl", "".join(json.dumps({"id": i, "created_at": t, "text": x}, ensure_ascii=False) + "\n" for i, t, x in POSTS))
write("same/posts.json", json.dumps([{"id": i, "created_at": t, "text": x} for i, t, x in POSTS], ensure_ascii=False, indent=1))
buf = io.StringIO(); w = csv.writer(buf, lineterminator="\r\n"); w.writerow(["id", "created_at", "text"]); w.writerows(POSTS)
write("same/posts-export.csv", buf.getvalue(), bom=True)
buf = io.StringIO(); w = csv.writer(buf, delimiter="\t", lineterminator="\n"); w.writerow(["id", "created_at", "text"]); w.writerows(POSTS)
write("same/posts-export.tsv", buf.getvalue())
write("same/nested.jsonl", "".join(json.dumps({"data": {"uuid": i, "body": x}, "meta": {"at": t}}, ensure_ascii=False) + "\n" for i, t, x in POSTS))

# JSON Lines with malformed records: 4 posts, 2 bad records, 1 blank line.
write("broken/records.jsonl", "\n".join([
    json.dumps({"id": "b1", "text": "Good vibes only"}),
    '{"id": "b2", "text": "unterminated',
    json.dumps({"id": "b3", "body_text": "no text field here"}),
    "",
    json.dumps({"id": "b4", "text": "Everything happens for a reason."}),
    json.dumps({"id": "b5", "text": "Happy Friday!"}),
    json.dumps({"id": "b6", "text": "kms lol"}),
]) + "\n")
# CSV with a quoted multi-line field, a doubled quote, a row with too many fields and a quote
# that never closes (the rest of the file is still read): 3 posts, 2 bad records.
write("broken/rows.csv", 'id,text\r\nc1,"Line one\r\nline two: good vibes only"\r\nc2,"She said ""cheer up"" again"\r\nc3,too,many,fields\r\nc4,"never closed\r\nc5,Everything happens for a reason.\r\n', bom=True)

# X archive: prefix, string numbers, HTML-escaped text, a retweet, a long post completed by note-tweet.js.
long_text = ("Thread on grief: people kept telling me everything happens for a reason, and I want to explain "
             "why that hurt so much. Losing my dad was not a lesson. It was a loss, and I needed people to sit with it, "
             "not to explain it away. If you are grieving too, you are not doing it wrong.")
tweets = [
    {"tweet": {"id": "1001", "id_str": "1001", "created_at": "Tue Jan 21 00:21:51 +0000 2025", "favorite_count": "3",
               "retweet_count": "0", "lang": "en", "entities": {"hashtags": [], "urls": [], "user_mentions": []},
               "display_text_range": ["0", "38"], "full_text": "Good vibes only &amp; no drama 😎✨ #mood"}},
    {"tweet": {"id": "1002", "id_str": "1002", "created_at": "Wed Feb 05 10:00:00 +0000 2025", "favorite_count": "0",
               "retweet_count": "5", "lang": "en", "full_text": "RT @someone: Antidepressants are poison, wake up…"}},
    {"tweet": {"id": "1003", "id_str": "1003", "created_at": "Sat Mar 15 08:30:00 +0000 2025", "favorite_count": "12",
               "retweet_count": "1", "lang": "en", "full_text": long_text[:200] + "… https://t.co/abc123"}},
    {"tweet": {"id": "1004", "id_str": "1004", "created_at": "Sun Mar 16 08:30:00 +0000 2025", "favorite_count": "0",
               "retweet_count": "0", "lang": "qme", "full_text": "@friend I'm here if you want to talk 💚"}},
]
write("x-archive/data/tweets.js", "window.YTD.tweets.part0 = " + json.dumps(tweets, ensure_ascii=False, indent=2))
write("x-archive/data/note-tweet.js", "window.YTD.note_tweet.part0 = " + json.dumps([
    {"noteTweet": {"noteTweetId": "9001", "createdAt": "2025-03-15T08:30:00.000Z", "core": {"text": long_text, "urls": [], "hashtags": []}}}
], indent=2))
write("x-archive-old/tweet.js", "window.YTD.tweet.part0 = " + json.dumps([
    {"tweet": {"id_str": "2001", "created_at": "Mon Jun 01 12:00:00 +0000 2020", "full_text": "Happiness is a choice &gt; everything else"}},
    {"tweet": {"id_str": "2002", "created_at": "Tue Jun 02 12:00:00 +0000 2020", "full_text": "Lovely walk today"}},
], indent=2))

# A big archive split into parts: tweets-part1.js holds the second part.
write("x-archive-split/data/tweets-part1.js", "window.YTD.tweets.part1 = " + json.dumps([
    {"tweet": {"id_str": "3001", "created_at": "Thu Jul 03 09:00:00 +0000 2025", "full_text": "Others have it worse, so stop complaining"}},
    {"tweet": {"id_str": "3002", "created_at": "Fri Jul 04 09:00:00 +0000 2025", "full_text": "Fireworks tonight 🎆"}},
], ensure_ascii=False, indent=2))

# Mastodon outbox: duplicate orderedItems (first empty), wrong totalItems, HTML content with an
# invisible link span and a mention, a content warning, a boost, a media-only post.
def note(n, html, published, summary=None, sensitive=False):
    return {"id": f"https://social.example/users/ana/statuses/{n}/activity", "type": "Create",
            "actor": "https://social.example/users/ana", "published": published,
            "to": ["https://www.w3.org/ns/activitystreams#Public"], "cc": [],
            "object": {"id": f"https://social.example/users/ana/statuses/{n}", "type": "Note", "summary": summary,
                       "inReplyTo": None, "published": published, "url": f"https://social.example/@ana/{n}",
                       "sensitive": sensitive, "content": html, "contentMap": {"en": html}, "attachment": [], "tag": []}}
items = [
    note(1, '<p>Good vibes only, friends! 🌞</p><p>See <a href="https://example.org/a" rel="nofollow"><span class="invisible">https://</span><span class="">example.org/a</span><span class="invisible"></span></a></p>', "2025-01-10T10:00:00Z"),
    note(2, "<p>I have been thinking about suicide.<br />Samaritans are on 116 123.</p>", "2025-02-01T21:00:00Z", summary="suicide mention", sensitive=True),
    {"id": "https://social.example/users/ana/statuses/3/activity", "type": "Announce", "actor": "https://social.example/users/ana",
     "published": "2025-02-02T09:00:00Z", "to": [], "cc": [], "object": "https://other.example/users/bo/statuses/77"},
    note(4, '<p><span class="h-card"><a href="https://social.example/@bo" class="u-url mention">@<span>bo</span></a></span> everything happens for a reason &amp; you&#39;ll see</p>', "2025-03-03T11:00:00Z"),
    note(5, "", "2025-03-04T11:00:00Z", sensitive=True),
]
outbox = '{"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection", "totalItems": 3, "orderedItems": [], "orderedItems": ' + json.dumps(items, ensure_ascii=False, indent=1) + "}"
write("mastodon/outbox.json", outbox)

# Facebook: mojibake text, a link share without text, a check-in, an update timestamp entry.
fb = [
    {"timestamp": 1736000000, "data": [{"post": mojibake("Good vibes only en 2025 😌 ¡adiós negatividad!")}], "title": "Ana updated her status."},
    {"timestamp": 1736100000, "attachments": [{"data": [{"external_context": {"name": "An article", "url": "https://example.org"}}]}], "title": "Ana shared a link."},
    {"timestamp": 1737000000, "data": [{"post": mojibake("Mi tío committed suicide hace años. Call or text 988 — siempre.")}, {"update_timestamp": 1737000100}]},
    {"timestamp": 1738000000, "attachments": [{"data": [{"place": {"name": "Café Luna"}}]}], "title": "Ana checked in to Café Luna."},
]
write("facebook/your_posts_1.json", json.dumps(fb, indent=2))
write("facebook/your_posts__check_ins__photos_and_videos_1.json", json.dumps([
    {"timestamp": 1740000000, "data": [{"post": mojibake("Happiness is a choice ✨")}]},
    {"timestamp": 1740100000, "attachments": [{"data": [{"media": {"uri": "photos/1.jpg"}}]}]},
], indent=2))

# Instagram: single-media caption in media[0].title, carousel caption at the top level, a post without caption.
write("instagram/posts_1.json", json.dumps([
    {"media": [{"uri": "media/posts/202501/a.jpg", "creation_timestamp": 1736500000, "title": mojibake("Just think positive 🐈")}]},
    {"media": [{"uri": "media/posts/202502/b.jpg", "creation_timestamp": 1738500000, "title": ""},
               {"uri": "media/posts/202502/c.jpg", "creation_timestamp": 1738500000, "title": ""}],
     "title": mojibake("Carousel day: others have it worse, so I'm grateful 🙏"), "creation_timestamp": 1738500000},
    {"media": [{"uri": "media/posts/202503/d.jpg", "creation_timestamp": 1741000000, "title": ""}]},
], indent=2))

# Threads: text in media[0].title even for text-only posts, replies flagged.
write("threads/threads_and_replies.json", json.dumps({"text_post_app_text_posts": [
    {"media": [{"uri": "", "creation_timestamp": 1742000000, "title": mojibake("Antidepressants are poison, change my mind 🤔"),
                "text_app_post": {"reply_control": "everyone", "is_reply": False}}]},
    {"media": [{"uri": "", "creation_timestamp": 1742100000, "title": mojibake("@leo that sounds really hard, I'm here 💛"),
                "text_app_post": {"reply_control": "everyone", "is_reply": True, "in_reply_to_username": "leo"}}]},
]}, indent=2))

# Reddit: posts.csv (title + body, a link post without body, multi-line body) and comments.csv, with a BOM.
buf = io.StringIO(); w = csv.writer(buf, lineterminator="\n")
w.writerow(["id", "permalink", "date", "ip", "subreddit", "gildings", "title", "url", "body"])
w.writerow(["r1", "https://www.reddit.com/r/mentalhealth/comments/r1/", "2023-01-15 12:34:56 UTC", "", "mentalhealth", "0",
            "Good vibes only?", "", "My sister keeps saying it.\nIt makes me feel worse."])
w.writerow(["r2", "https://www.reddit.com/r/news/comments/r2/", "2023-02-01 08:00:00 UTC", "", "news", "0", "A link", "https://example.org", ""])
write("reddit/posts.csv", buf.getvalue(), bom=True)
buf = io.StringIO(); w = csv.writer(buf, lineterminator="\n")
w.writerow(["id", "permalink", "date", "ip", "subreddit", "gildings", "link", "parent", "body", "media"])
w.writerow(["k1", "https://www.reddit.com/r/x/comments/r1/k1/", "2023-03-02 10:00:00 UTC", "", "x", "0", "https://www.reddit.com/r/x/comments/r1/", "t3_r1", "studies show meditation works better than medication", ""])
w.writerow(["k2", "https://www.reddit.com/r/x/comments/r1/k2/", "2023-03-03 10:00:00 UTC", "", "x", "0", "https://www.reddit.com/r/x/comments/r1/", "t1_k1", "Source? That's a big claim.", ""])
write("reddit/comments.csv", buf.getvalue())

# Archives as the platforms ship them: the X archive and the Mastodon export as ZIP files.
import zipfile
os.makedirs("archives", exist_ok=True)
with zipfile.ZipFile("archives/twitter-archive.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for name in ["data/tweets.js", "data/note-tweet.js"]:
        z.write(os.path.join("x-archive", name), name)
    z.writestr("data/account.js", "window.YTD.account.part0 = []")
    z.writestr("Your archive.html", "<html></html>")
with zipfile.ZipFile("archives/mastodon-export.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write("mastodon/outbox.json", "outbox.json")
    z.writestr("actor.json", "{}")

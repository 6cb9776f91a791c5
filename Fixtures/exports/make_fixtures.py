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

# ---------------------------------------------------------------------------------------------
# Bluesky repository CAR (CAR v1 of DAG-CBOR blocks). Layout: the atproto repository spec and
# bluesky-social/indigo:testing/testdata/*.repo.car (see bluesky/README.md).
import hashlib, struct, tarfile, gzip

def cbor_head(major, n):
    if n < 24: return bytes([major << 5 | n])
    if n < 256: return bytes([major << 5 | 24, n])
    if n < 65536: return bytes([major << 5 | 25]) + struct.pack(">H", n)
    if n < 2**32: return bytes([major << 5 | 26]) + struct.pack(">I", n)
    return bytes([major << 5 | 27]) + struct.pack(">Q", n)

class Link:
    def __init__(self, cid): self.cid = cid

def dag_cbor(value):
    """DAG-CBOR: definite lengths, map keys sorted by length then bytes, CIDs as tag 42."""
    if value is None: return b"\xf6"
    if value is True: return b"\xf5"
    if value is False: return b"\xf4"
    if isinstance(value, int): return cbor_head(0, value) if value >= 0 else cbor_head(1, -1 - value)
    if isinstance(value, bytes): return cbor_head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8"); return cbor_head(3, len(data)) + data
    if isinstance(value, Link): return b"\xd8\x2a" + dag_cbor(b"\x00" + value.cid)
    if isinstance(value, list): return cbor_head(4, len(value)) + b"".join(dag_cbor(v) for v in value)
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (len(k.encode()), k.encode()))
        return cbor_head(5, len(keys)) + b"".join(dag_cbor(k) + dag_cbor(value[k]) for k in keys)
    raise TypeError(value)

def varint(n):
    out = b""
    while True:
        byte = n & 0x7F; n >>= 7
        if n: out += bytes([byte | 0x80])
        else: return out + bytes([byte])

def cid_for(block):
    """CIDv1, dag-cbor (0x71), sha2-256 multihash."""
    return b"\x01\x71\x12\x20" + hashlib.sha256(block).digest()

class CAR:
    def __init__(self): self.blocks = []
    def put(self, value, raw=None):
        block = raw if raw is not None else dag_cbor(value)
        cid = cid_for(block); self.blocks.append((cid, block)); return Link(cid)
    def write(self, path, root):
        header = dag_cbor({"version": 1, "roots": [root]})
        out = varint(len(header)) + header
        for cid, block in self.blocks: out += varint(len(cid) + len(block)) + cid + block
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f: f.write(out)

def mst(car, records):
    """A two-level tree shaped like atproto's MST: a left subtree (`l`), entries with shared
    key prefixes (`p`, `k`) and a right subtree (`t`). Layers are not derived from key hashes
    (postlint walks the tree, it does not verify it)."""
    def node(entries, left=None):
        out, previous = [], b""
        for key, value, right in entries:
            key = key.encode(); p = 0
            while p < min(len(key), len(previous)) and key[p] == previous[p]: p += 1
            out.append({"p": p, "k": key[p:], "v": value, "t": right}); previous = key
        return car.put({"l": left, "e": out})
    items = sorted(records)
    if len(items) < 3: return node([(k, v, None) for k, v in items])
    third = len(items) // 3
    left = node([(k, v, None) for k, v in items[:third]])
    right = node([(k, v, None) for k, v in items[2 * third + 1:]]) if len(items) > 2 * third + 1 else None
    middle = items[third:2 * third + 1]
    entries = [(k, v, None) for k, v in middle[:-1]] + [(middle[-1][0], middle[-1][1], right)]
    return node(entries, left)

def bluesky_repo(path, did, records, extra_blocks=()):
    car = CAR(); links = []
    for key, value in records:
        links.append((key, car.put(value) if not isinstance(value, bytes) else car.put(None, raw=value)))
    for value in extra_blocks: car.put(value)  # history: blocks no longer in the tree
    data = mst(car, links)
    commit = car.put({"did": did, "version": 3, "data": data, "rev": "3lbqtest2222a", "prev": None, "sig": b"\x00" * 64})
    # The commit comes first in real exports.
    car.blocks.insert(0, car.blocks.pop())
    car.write(path, commit)

def bsky_post(text, created, langs=("en",), **more):
    record = {"$type": "app.bsky.feed.post", "text": text, "createdAt": created, "langs": list(langs)}
    record.update(more); return record

ALICE = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
bluesky_repo("bluesky/repo.car", ALICE, [
    ("app.bsky.feed.post/3lbqa2aaaaa2a", bsky_post("Good vibes only 🌈 #mentalhealth", "2025-01-05T09:00:00.000Z",
        facets=[{"index": {"byteStart": 21, "byteEnd": 34}, "features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "mentalhealth"}]}])),
    # A reply, with a non-UTC offset (as in indigo's fakermaker.repo.car).
    ("app.bsky.feed.post/3lbqa3bbbbb2b", bsky_post("Others have it worse, so stop complaining.", "2025-02-01T10:00:00-07:00",
        reply={"root": {"cid": "bafyreib2rxk3rh6kzwq", "uri": "at://did:plc:other/app.bsky.feed.post/3k"},
               "parent": {"cid": "bafyreib2rxk3rh6kzwq", "uri": "at://did:plc:other/app.bsky.feed.post/3k"}})),
    # The author's own content warning (self-labels) and an image embed.
    ("app.bsky.feed.post/3lbqa4ccccc2c", bsky_post("Talking about my suicide attempt today. Call or text 988 if you need to.", "2025-02-10T21:00:00.000Z",
        labels={"$type": "com.atproto.label.defs#selfLabels", "values": [{"val": "graphic-media"}]},
        embed={"$type": "app.bsky.embed.images", "images": [{"alt": "a sunrise", "image": {"$type": "blob", "ref": Link(cid_for(b"img")), "mimeType": "image/jpeg", "size": 3}}]})),
    ("app.bsky.feed.post/3lbqa5ddddd2d", bsky_post("Je vais mieux, merci 💚", "2025-03-01T08:00:00.000Z", langs=("fr",))),
    # Other records: counted as skipped.
    ("app.bsky.actor.profile/self", {"$type": "app.bsky.actor.profile", "displayName": "Alice", "description": "writer"}),
    ("app.bsky.feed.like/3lbqb2eeeee2e", {"$type": "app.bsky.feed.like", "createdAt": "2025-01-06T00:00:00Z", "subject": {"cid": "bafy", "uri": "at://did:plc:other/app.bsky.feed.post/1"}}),
    ("app.bsky.feed.like/3lbqb3fffff2f", {"$type": "app.bsky.feed.like", "createdAt": "2025-01-07T00:00:00Z", "subject": {"cid": "bafy", "uri": "at://did:plc:other/app.bsky.feed.post/2"}}),
    ("app.bsky.feed.repost/3lbqc2ggggg2g", {"$type": "app.bsky.feed.repost", "createdAt": "2025-01-08T00:00:00Z", "subject": {"cid": "bafy", "uri": "at://did:plc:other/app.bsky.feed.post/3"}}),
    ("app.bsky.graph.follow/3lbqd2hhhhh2h", {"$type": "app.bsky.graph.follow", "createdAt": "2025-01-09T00:00:00Z", "subject": "did:plc:other"}),
], extra_blocks=[bsky_post("A deleted post: good vibes only", "2024-12-01T00:00:00Z")])

# The same six posts, rkeys p1…p6 (valid record keys), so findings compare with same/posts.jsonl.
bluesky_repo("same/posts.car", "did:plc:samesixposts", [(f"app.bsky.feed.post/{i}", bsky_post(x, t)) for i, t, x in POSTS])

# A repository with bad records: a post without text, a record whose block is truncated CBOR;
# the two good posts are still read.
bluesky_repo("broken/repo.car", ALICE, [
    ("app.bsky.feed.post/3lbqa2aaaaa2a", bsky_post("Good vibes only", "2025-01-05T09:00:00Z")),
    ("app.bsky.feed.post/3lbqa3bbbbb2b", {"$type": "app.bsky.feed.post", "createdAt": "2025-01-06T09:00:00Z"}),
    ("app.bsky.feed.post/3lbqa4ccccc2c", dag_cbor(bsky_post("cut short", "2025-01-07T09:00:00Z"))[:-6]),
    ("app.bsky.feed.post/3lbqa5ddddd2d", bsky_post("Everything happens for a reason.", "2025-01-08T09:00:00Z")),
])

# ---------------------------------------------------------------------------------------------
# Mastodon's archive-*.tar.gz (older exports; newer ones are .zip): outbox.json beside actor.json,
# likes.json, bookmarks.json and media_attachments/. Source: mastodon/mastodon app/services/backup_service.rb.
def tar_gz(path, members):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            with tarfile.open(fileobj=gz, mode="w", format=tarfile.USTAR_FORMAT) as tar:
                for name, data in members:
                    info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 0; info.mode = 0o644
                    tar.addfile(info, io.BytesIO(data))

# The same six posts as an X archive (X escapes &, < and > in full_text) and as a Mastodon
# outbox (HTML content: paragraphs, <br /> for line breaks, entities), alone and in a tar.gz.
import html as html_module
from datetime import datetime
def x_date(t): return datetime.strptime(t, "%Y-%m-%dT%H:%M:%SZ").strftime("%a %b %d %H:%M:%S +0000 %Y")
write("same/tweets.js", "window.YTD.tweets.part0 = " + json.dumps([
    {"tweet": {"id": i, "id_str": i, "created_at": x_date(t), "favorite_count": "0", "retweet_count": "0", "lang": "en",
               "full_text": x.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")}} for i, t, x in POSTS],
    ensure_ascii=False, indent=2))
def same_note(i, text, published):
    return note(i, "<p>" + html_module.escape(text, quote=True).replace("&#x27;", "&#39;").replace("\n", "<br />") + "</p>", published)
same_outbox = json.dumps({"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection",
                          "totalItems": len(POSTS), "orderedItems": [same_note(i, x, t) for i, t, x in POSTS]}, ensure_ascii=False, indent=1)
write("same/outbox.json", same_outbox)
tar_gz("same/archive-20250310120000-same.tar.gz", [("actor.json", b'{"type": "Person", "preferredUsername": "ana"}'),
                                                  ("outbox.json", same_outbox.encode("utf-8"))])

with open("mastodon/outbox.json", "rb") as f: outbox_bytes = f.read()
tar_gz("archives/archive-20250301120000-3f2a.tar.gz", [
    ("actor.json", b'{"type": "Person", "preferredUsername": "ana"}'),
    ("outbox.json", outbox_bytes),
    ("likes.json", b'{"type": "OrderedCollection", "orderedItems": []}'),
    ("bookmarks.json", b'{"type": "OrderedCollection", "orderedItems": []}'),
    ("media_attachments/files/000/000/001/original/a.png", b"\x89PNG\r\n\x1a\n"),
])

# ---------------------------------------------------------------------------------------------
# TikTok "Download your data" (JSON). Layout: abrignoni/iLEAPP scripts/artifacts/tikTokJsonExport.py,
# zollo/tiktok-downloader README (see tiktok/README.md). Dates are "YYYY-MM-DD HH:MM:SS" (UTC).
def tiktok_video(date, title, n):
    return {"Date": date, "Link": f"https://www.tiktokv.com/share/video/{n}/", "Likes": "12", "WhoCanView": "Everyone",
            "AllowComments": "Yes", "AllowStitches": "Yes", "AllowDuets": "Yes", "AllowStickers": "Yes",
            "AllowSharingToStory": "Yes", "ContentDisclosure": "", "AIGeneratedContent": "No", "Sound": "original sound",
            "Location": "", "Title": title, "AddYoursText": ""}
write("tiktok/user_data_tiktok.json", json.dumps({
    "Profile": {"Profile Info": {"ProfileMap": {"userName": "ana", "bioDescription": "good vibes only"}}},
    "Your Activity": {"Watch History": {"VideoList": None}, "Like List": {"ItemFavoriteList": [{"date": "2025-01-01 10:00:00", "link": "https://www.tiktokv.com/share/video/1/"}]}},
    "Post": {"Posts": {"VideoList": [
        tiktok_video("2025-01-04 18:00:00", "Just think positive and the anxiety goes away ✨ #mentalhealth", 7450000000000000001),
        tiktok_video("2025-01-09 18:00:00", "", 7450000000000000002),
        tiktok_video("2025-02-02 18:00:00", "Day 30 of therapy: it helps, slowly 💚", 7450000000000000003),
    ]}},
    "Comment": {"Comments": {"CommentsList": [
        {"date": "2025-01-05 09:30:00", "comment": "Everything happens for a reason 🙏", "photo": "N/A", "url": ""},
        {"date": "2025-01-06 09:30:00", "comment": "", "photo": "https://p16.tiktokcdn.com/photo.jpeg", "url": ""},
    ]}},
    "Direct Message": {"Direct Messages": {"ChatHistory": {"Chat History with bo:": [{"Date": "2025-01-01 00:00:00", "From": "bo", "Content": "private"}]}}},
}, ensure_ascii=False, indent=2))
# A per-section file of an older export: capitalised 'Comment'/'Date', no 'Comments' level.
write("tiktok/Comments.json", json.dumps({"CommentsList": [
    {"Date": "2022-06-01 12:00:00", "Comment": "Happiness is a choice, just choose it"},
    {"Date": "2022-06-02 12:00:00", "Comment": "Sending love to everyone struggling today"},
]}, ensure_ascii=False, indent=2))
write("same/user_data_tiktok.json", json.dumps({"Post": {"Posts": {"VideoList": [
    dict(tiktok_video(t.replace("T", " ").replace("Z", ""), x, 0), Link=f"https://www.tiktokv.com/share/video/{i}/") for i, t, x in POSTS]}}},
    ensure_ascii=False, indent=2))
write("broken/user_data_tiktok.json", json.dumps({"Post": {"Posts": {"VideoList": [
    tiktok_video("2025-01-04 18:00:00", "Good vibes only", 1), "not an object", {"Date": "2025-01-06 18:00:00"},
    tiktok_video("2025-01-07 18:00:00", "Everything happens for a reason.", 4)]}}}, indent=2))

# ---------------------------------------------------------------------------------------------
# YouTube Takeout comments. Layouts: seanbreckenridge/google_takeout_parser tests/test_csv.py
# (both CSV layouts), juanakira/takeout-comments-parser (my-comments.html); see youtube/README.md.
def yt_segments(text, old=False):
    if old: return json.dumps({"takeoutSegments": [{"text": text}]}, ensure_ascii=True, separators=(",", ":"))
    # Newer exports: segments split at line breaks, HTML-sensitive characters as \u003e etc.
    parts = text.split("\n"); out = []
    for n, part in enumerate(parts):
        if n: out.append({"text": "\n"})
        out.append({"text": part})
    return ",".join(json.dumps(s, ensure_ascii=False, separators=(",", ":")).replace(">", "\\u003e") for s in out)
buf = io.StringIO(); w = csv.writer(buf, lineterminator="\n")
w.writerow(["Comment ID", "Channel ID", "Comment create timestamp", "Price", "Parent comment ID", "Post ID", "Video ID", "Comment text", "Top-level comment ID"])
w.writerow(["UgyA1", "UCana", "2025-01-12T10:00:00.123+00:00", "0", "", "", "dQw4w9WgXcQ", yt_segments("> quoting the video: good vibes only\nno, not for me"), ""])
w.writerow(["UgyA2", "UCana", "2025-01-13T10:00:00+00:00", "0", "UgyX", "", "dQw4w9WgXcQ", yt_segments("Studies show cold showers cure depression"), "UgyX"])
w.writerow(["UgyA3", "UCana", "2025-01-14T10:00:00+00:00", "0", "", "UgkxPost1", "", yt_segments("Thank you for this community post 💚"), ""])
w.writerow(["UgyA4", "UCana", "2025-01-15T10:00:00+00:00", "0", "", "", "dQw4w9WgXcQ", "", ""])
write("youtube/comments.csv", buf.getvalue())
# The older CSV layout (pre mid-2024), split: comments(1).csv, a BOM and CRLF.
buf = io.StringIO(); w = csv.writer(buf, lineterminator="\r\n")
w.writerow(["Comment ID", "Channel ID", "Comment Create Timestamp", "Price", "Parent Comment ID", "Video ID", "Comment Text"])
w.writerow(["UgzB1", "UCana", "2023-09-19T17:42:53.434647+00:00", "0", "", "WtOskFeLmr4", yt_segments("Everything happens for a reason, right?", old=True)])
w.writerow(["UgzB2", "UCana", "2023-08-30T01:54:46.801024+00:00", "0", "UgzB0", "jH39c5-y6kg", yt_segments('She said "cheer up", I said no', old=True)])
write("youtube/comments(1).csv", buf.getvalue(), bom=True)
def yt_li(cid, video, title, date, text):
    return (f'<li>You added a <a href="https://www.youtube.com/watch?v={video}&amp;lc={cid}">comment</a> on '
            f'<a href="https://www.youtube.com/watch?v={video}">{title}</a>.<br>{date}<br>{text}</li>')
write("youtube/my-comments.html", '<html><head><meta charset="utf-8"><title>My comments</title></head><body><ul>'
      + yt_li("UgwC1", "abc123def45", "Morning routine", "2019-02-03 14:04:12 UTC", "Good vibes only &amp; coffee ☕")
      + yt_li("UgwC2", "abc123def45", "Morning routine", "2019-02-04 09:00:00 UTC", "Line one<br>antidepressants are poison, change my mind")
      + yt_li("UgwC3", "zzz999yyy88", "Grief", "2019-03-01 20:00:00 UTC", "Sending love")
      + "</ul></body></html>\n")
buf = io.StringIO(); w = csv.writer(buf, lineterminator="\n")
w.writerow(["Comment ID", "Channel ID", "Comment create timestamp", "Price", "Parent comment ID", "Post ID", "Video ID", "Comment text", "Top-level comment ID"])
for i, t, x in POSTS: w.writerow([i, "UCsame", t, "0", "", "", "vid", yt_segments(x), ""])
write("same/youtube-comments.csv", buf.getvalue())
buf = io.StringIO(); w = csv.writer(buf, lineterminator="\n")
w.writerow(["Comment ID", "Channel ID", "Comment create timestamp", "Price", "Parent comment ID", "Post ID", "Video ID", "Comment text", "Top-level comment ID"])
w.writerow(["Y1", "UC", "2025-01-01T00:00:00Z", "0", "", "", "v", yt_segments("Good vibes only"), ""])
w.writerow(["Y2", "UC", "2025-01-02T00:00:00Z", "0", "", "", "v", '{"text":"unterminated', ""])
w.writerow(["Y3", "UC", "2025-01-03T00:00:00Z", "0", "", "", "v", yt_segments("Everything happens for a reason."), ""])
write("broken/youtube-comments.csv", buf.getvalue())

# ---------------------------------------------------------------------------------------------
# Pinterest export page. Layout: ChowSinWon/pinterest-export-parser data/pinterest-sample.html
# (see pinterest/README.md): `<br>Key: value,` lines after each pin link, "No data" when empty.
def pin(n, title, details, created, alt="No data"):
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return (f'<a href="https://www.pinterest.com/pin/{n}/">https://www.pinterest.com/pin/{n}/</a>\n'
            f'<br>Title: {esc(title) if title else "No data"},\n<br>Details: {esc(details) if details else "No data"},\n'
            f'<br>Image: 9f8e7d6c5b4a39281706f5e4d3c2b1a0,\n<br>Is Native: No data,\n<br>Board Id: 1126037345956722,\n'
            f'<br>Board Name: Self care,\n<br>Is Video: No data,\n<br>Ip Address: 203.0.113.7,\n<br>Username: ana,\n'
            f'<br>Alt Text: {alt},\n<br>Canonical Link: <a href="https://example.org/{n}">https://example.org/{n}</a>,\n'
            f'<br>Story Pin Media: No data,\n<br>Video: No data,\n<br>Created at: {created}\n<br>Alive: True\n<br>Is a repin: False\n<br>Private: False<br><br>')
def pin_page(pins):
    return ('<html><head><meta charset="utf-8"></head><body><div id="contents"><h1 id=a1>Profile</h1>\n<br>Username: ana<br><br>'
            '<h1 id=y1bkd>Pins</h1>\n' + "".join(pins) + '<h1 id=b2>Boards</h1>\n<br>Name: Self care<br></div></body></html>\n')
write("pinterest/pinterest.html", pin_page([
    pin(1001, "Self-care Sunday", "Just think positive, good vibes only ✨ & tea", "2024/01/13 15:35:01"),
    pin(1002, None, "Studies show this tea cures anxiety", "2024/02/01 10:00:00"),
    pin(1003, None, None, "2024/02/02 10:00:00"),
    pin(1004, "Breathing exercise", "Box breathing: in 4, hold 4, out 4, hold 4", "2024/03/01 10:00:00"),
]))
write("same/pins-same.html", pin_page([pin(i, None, x, t) for i, t, x in POSTS]))
write("broken/pinterest.html", pin_page([
    pin(1, None, "Good vibes only", "2024/01/01 00:00:00"),
    '<a href="https://www.pinterest.com/pin/2/">https://www.pinterest.com/pin/2/</a>\n<br>Something odd<br><br>',
    pin(3, None, "Everything happens for a reason.", "2024/01/03 00:00:00"),
]))

# Platform archives: TikTok and Google Takeout ship ZIPs (Takeout also offers .tgz).
with zipfile.ZipFile("archives/tiktok-export.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write("tiktok/user_data_tiktok.json", "user_data_tiktok.json")
with zipfile.ZipFile("archives/takeout-youtube.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write("youtube/comments.csv", "Takeout/YouTube and YouTube Music/comments/comments.csv")
    z.writestr("Takeout/YouTube and YouTube Music/subscriptions/subscriptions.csv", "Channel Id,Channel Url,Channel Title\nUC1,https://youtube.com/channel/UC1,A channel\n")
    z.writestr("Takeout/archive_browser.html", "<html></html>")
with open("youtube/comments.csv", "rb") as f: yt_bytes = f.read()
tar_gz("archives/takeout-youtube.tgz", [("Takeout/YouTube and YouTube Music/comments/comments.csv", yt_bytes),
                                        ("Takeout/archive_browser.html", b"<html></html>")])
with zipfile.ZipFile("archives/pinterest-export.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.write("pinterest/pinterest.html", "ana_1a2b3c.html")

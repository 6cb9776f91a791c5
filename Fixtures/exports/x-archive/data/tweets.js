window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id": "1001",
      "id_str": "1001",
      "created_at": "Tue Jan 21 00:21:51 +0000 2025",
      "favorite_count": "3",
      "retweet_count": "0",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": [],
        "user_mentions": []
      },
      "display_text_range": [
        "0",
        "38"
      ],
      "full_text": "Good vibes only &amp; no drama 😎✨ #mood"
    }
  },
  {
    "tweet": {
      "id": "1002",
      "id_str": "1002",
      "created_at": "Wed Feb 05 10:00:00 +0000 2025",
      "favorite_count": "0",
      "retweet_count": "5",
      "lang": "en",
      "full_text": "RT @someone: Antidepressants are poison, wake up…"
    }
  },
  {
    "tweet": {
      "id": "1003",
      "id_str": "1003",
      "created_at": "Sat Mar 15 08:30:00 +0000 2025",
      "favorite_count": "12",
      "retweet_count": "1",
      "lang": "en",
      "full_text": "Thread on grief: people kept telling me everything happens for a reason, and I want to explain why that hurt so much. Losing my dad was not a lesson. It was a loss, and I needed people to sit with it,… https://t.co/abc123"
    }
  },
  {
    "tweet": {
      "id": "1004",
      "id_str": "1004",
      "created_at": "Sun Mar 16 08:30:00 +0000 2025",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "qme",
      "full_text": "@friend I'm here if you want to talk 💚"
    }
  }
]
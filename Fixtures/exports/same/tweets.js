window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id": "p1",
      "id_str": "p1",
      "created_at": "Fri Jan 03 09:00:00 +0000 2025",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "en",
      "full_text": "Good vibes only!! 🌈 new year, new me"
    }
  },
  {
    "tweet": {
      "id": "p2",
      "id_str": "p2",
      "created_at": "Mon Jan 20 10:30:00 +0000 2025",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "en",
      "full_text": "Studies show magnesium cures anxiety. Trust me."
    }
  },
  {
    "tweet": {
      "id": "p3",
      "id_str": "p3",
      "created_at": "Tue Feb 11 22:15:00 +0000 2025",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "en",
      "full_text": "I have been thinking about suicide a lot lately.\nNot sure who to tell."
    }
  },
  {
    "tweet": {
      "id": "p4",
      "id_str": "p4",
      "created_at": "Fri Feb 14 08:00:00 +0000 2025",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "en",
      "full_text": "Therapy helped me, and it took time. 💚"
    }
  },
  {
    "tweet": {
      "id": "p5",
      "id_str": "p5",
      "created_at": "Sat Mar 01 12:00:00 +0000 2025",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "en",
      "full_text": "My uncle committed suicide when I was young; call or text 988 if you need to."
    }
  },
  {
    "tweet": {
      "id": "p6",
      "id_str": "p6",
      "created_at": "Sun Mar 09 18:45:00 +0000 2025",
      "favorite_count": "0",
      "retweet_count": "0",
      "lang": "en",
      "full_text": "He said \"it is what it is\", and honestly, it is what it is."
    }
  }
]
window.YTD.note_tweet.part0 = [
  {
    "noteTweet": {
      "noteTweetId": "9001",
      "createdAt": "2025-03-15T08:30:00.000Z",
      "core": {
        "text": "Thread on grief: people kept telling me everything happens for a reason, and I want to explain why that hurt so much. Losing my dad was not a lesson. It was a loss, and I needed people to sit with it, not to explain it away. If you are grieving too, you are not doing it wrong.",
        "urls": [],
        "hashtags": []
      }
    }
  }
]
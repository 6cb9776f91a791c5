window.YTD.tweets.part1 = [
  {
    "tweet": {
      "id_str": "3001",
      "created_at": "Thu Jul 03 09:00:00 +0000 2025",
      "full_text": "Others have it worse, so stop complaining"
    }
  },
  {
    "tweet": {
      "id_str": "3002",
      "created_at": "Fri Jul 04 09:00:00 +0000 2025",
      "full_text": "Fireworks tonight 🎆"
    }
  }
]
window.YTD.tweet.part0 = [
  {
    "tweet": {
      "id_str": "2001",
      "created_at": "Mon Jun 01 12:00:00 +0000 2020",
      "full_text": "Happiness is a choice &gt; everything else"
    }
  },
  {
    "tweet": {
      "id_str": "2002",
      "created_at": "Tue Jun 02 12:00:00 +0000 2020",
      "full_text": "Lovely walk today"
    }
  }
]
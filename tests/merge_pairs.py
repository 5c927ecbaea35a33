"""Pairs of short reports written for the merge tests: the same event told twice, and near misses.

Each item: (name, (published, outlet, text), (published, outlet, text)). Our own words.
"""

from __future__ import annotations

Report = tuple[str, str, str]
Pair = tuple[str, Report, Report]

SAME: list[Pair] = [
    (
        "kharkiv missiles, weekday vs date",
        (
            "2025-06-04",
            "Kyiv Wire",
            "Russian missiles hit Kharkiv on Tuesday, killing three civilians and wounding 11, the regional governor said.",
        ),
        (
            "2025-06-04",
            "Eastern Daily",
            "Three people were killed and eleven injured when a Russian missile struck the city of Kharkiv on June 3, Ukrainian officials said.",
        ),
    ),
    (
        "odesa drones, overnight vs weekday",
        (
            "2025-06-04",
            "Kyiv Wire",
            "Russian attack drones hit Odesa overnight, injuring two people, the city's military administration said.",
        ),
        (
            "2025-06-05",
            "Black Sea Post",
            "Russian drones attacked Odesa on Wednesday, injuring two residents, officials said.",
        ),
    ),
    (
        "pokrovsk clash",
        (
            "2025-06-03",
            "Frontline Post",
            "Ukrainian and Russian troops clashed near Pokrovsk on Monday, the general staff said.",
        ),
        (
            "2025-06-03",
            "Eastern Daily",
            "Fighting broke out between Ukrainian and Russian forces near Pokrovsk on 2 June, the military reported.",
        ),
    ),
    (
        "nikopol shelling, tolls differ",
        (
            "2025-06-02",
            "Steppe Herald",
            "Russian forces shelled Nikopol on Sunday, killing one man, the regional governor said.",
        ),
        (
            "2025-06-02",
            "River News",
            "Russian artillery pounded Nikopol on 1 June, killing two people, local officials said.",
        ),
    ),
    (
        "sumy drones, tolls differ",
        (
            "2025-06-04",
            "Kyiv Wire",
            "Russian drones struck Sumy on Tuesday, injuring four people, the regional governor said.",
        ),
        (
            "2025-06-04",
            "Northern News",
            "Five people were injured when Russian drones attacked Sumy on 3 June, officials reported.",
        ),
    ),
    (
        "kherson shelling, one dated by publication",
        (
            "2025-06-03",
            "Steppe Herald",
            "Russian artillery shelled Kherson on Monday, killing two civilians, the regional administration said.",
        ),
        (
            "2025-06-02",
            "River News",
            "Russian troops shelled Kherson, killing two civilians, the regional administration said.",
        ),
    ),
    (
        "zaporizhzhia missiles",
        (
            "2025-06-06",
            "Kyiv Wire",
            "Russian missiles struck Zaporizhzhia on Thursday, killing four people, the regional governor said.",
        ),
        (
            "2025-06-06",
            "Eastern Daily",
            "Four people died after Russian missiles hit Zaporizhzhia on 5 June, according to the regional governor.",
        ),
    ),
    (
        "dnipro missiles",
        (
            "2025-06-07",
            "Frontline Post",
            "A Russian missile hit Dnipro on Friday, killing two people and injuring nine, officials said.",
        ),
        (
            "2025-06-07",
            "Kyiv Wire",
            "Russian forces fired missiles at Dnipro on 6 June, killing two and wounding nine, the governor said.",
        ),
    ),
    (
        "chernihiv drones",
        (
            "2025-06-10",
            "Northern News",
            "Russian drones attacked Chernihiv on Monday, injuring three people, the city's military administration said.",
        ),
        (
            "2025-06-10",
            "Kyiv Wire",
            "Three residents were injured when Russian attack drones hit Chernihiv on 9 June, officials said.",
        ),
    ),
    (
        "lviv missiles",
        (
            "2025-06-11",
            "Western Voice",
            "Russian missiles struck Lviv on Tuesday, injuring five people, the mayor said.",
        ),
        (
            "2025-06-11",
            "Kyiv Wire",
            "Five people were injured when a Russian missile hit Lviv on 10 June, the regional governor said.",
        ),
    ),
    (
        "mykolaiv shelling",
        (
            "2025-06-12",
            "River News",
            "Russian forces shelled Mykolaiv on Wednesday, killing one woman, the regional governor said.",
        ),
        (
            "2025-06-12",
            "Steppe Herald",
            "One woman was killed when Russian artillery hit Mykolaiv on 11 June, local officials said.",
        ),
    ),
    (
        "poltava missiles",
        (
            "2025-06-13",
            "Kyiv Wire",
            "Russian missiles hit Poltava on Thursday, killing three people, the regional governor said.",
        ),
        (
            "2025-06-13",
            "Central Post",
            "Three people were killed when Russian missiles struck Poltava on 12 June, officials said.",
        ),
    ),
    (
        "kryvyi rih missiles",
        (
            "2025-06-14",
            "Steppe Herald",
            "Russian missiles struck Kryvyi Rih on Friday, killing two people, the city's military administration said.",
        ),
        (
            "2025-06-14",
            "Kyiv Wire",
            "Two people were killed after a Russian missile hit Kryvyi Rih on 13 June, the mayor said.",
        ),
    ),
    (
        "kupiansk clash",
        (
            "2025-06-16",
            "Frontline Post",
            "Russian and Ukrainian troops fought near Kupiansk on Sunday, the general staff said.",
        ),
        (
            "2025-06-16",
            "Eastern Daily",
            "Ukrainian forces clashed with Russian troops near Kupiansk on 15 June, the military said.",
        ),
    ),
    (
        "vinnytsia drones, tolls differ",
        (
            "2025-06-17",
            "Central Post",
            "Russian drones hit Vinnytsia on Monday, injuring six people, the regional governor said.",
        ),
        (
            "2025-06-17",
            "Kyiv Wire",
            "Russian attack drones struck Vinnytsia on 16 June and injured eight residents, officials said.",
        ),
    ),
    (
        "izium shelling",
        (
            "2025-06-18",
            "Eastern Daily",
            "Russian artillery shelled Izium on Tuesday, killing one man, the regional governor said.",
        ),
        (
            "2025-06-18",
            "Frontline Post",
            "One man was killed when Russian forces shelled Izium on 17 June, officials said.",
        ),
    ),
]

NEAR_MISSES: list[Pair] = [
    # same place, another day
    (
        "kharkiv shelling, two days apart",
        (
            "2025-06-04",
            "Kyiv Wire",
            "Russian missiles hit Kharkiv on Monday, killing two people, the regional governor said.",
        ),
        (
            "2025-06-04",
            "Eastern Daily",
            "Russian missiles hit Kharkiv on Wednesday, killing two people, the regional governor said.",
        ),
    ),
    (
        "odesa drones, consecutive stated days",
        (
            "2025-06-05",
            "Kyiv Wire",
            "Russian drones attacked Odesa on Tuesday, injuring three people, officials said.",
        ),
        (
            "2025-06-05",
            "Black Sea Post",
            "Russian drones attacked Odesa on Wednesday, injuring three people, officials said.",
        ),
    ),
    (
        "pokrovsk clash, a week apart",
        (
            "2025-06-03",
            "Frontline Post",
            "Ukrainian and Russian troops clashed near Pokrovsk on Monday, the general staff said.",
        ),
        (
            "2025-06-10",
            "Eastern Daily",
            "Ukrainian and Russian troops clashed near Pokrovsk on Monday, the general staff said.",
        ),
    ),
    (
        "sumy drones, dates given",
        (
            "2025-06-20",
            "Northern News",
            "Russian drones struck Sumy on 12 June, injuring two people, officials said.",
        ),
        (
            "2025-06-20",
            "Kyiv Wire",
            "Russian drones struck Sumy on 14 June, injuring two people, officials said.",
        ),
    ),
    (
        "kherson shelling, consecutive stated days",
        (
            "2025-06-12",
            "Steppe Herald",
            "Russian forces shelled Kherson on 10 June, killing one man, officials said.",
        ),
        (
            "2025-06-12",
            "River News",
            "Russian forces shelled Kherson on 11 June, killing one man, officials said.",
        ),
    ),
    # same day, a neighbouring town
    (
        "bucha and irpin",
        (
            "2025-06-04",
            "Kyiv Wire",
            "Russian drones struck Bucha on Tuesday, injuring two people, officials said.",
        ),
        (
            "2025-06-04",
            "Capital News",
            "Russian drones struck Irpin on Tuesday, injuring two people, officials said.",
        ),
    ),
    (
        "nikopol and marhanets",
        (
            "2025-06-02",
            "Steppe Herald",
            "Russian forces shelled Nikopol on Sunday, killing one person, the governor said.",
        ),
        (
            "2025-06-02",
            "River News",
            "Russian forces shelled Marhanets on Sunday, killing one person, the governor said.",
        ),
    ),
    (
        "kramatorsk and druzhkivka",
        (
            "2025-06-06",
            "Frontline Post",
            "Russian missiles hit Kramatorsk on Thursday, injuring four people, officials said.",
        ),
        (
            "2025-06-06",
            "Eastern Daily",
            "Russian missiles hit Druzhkivka on Thursday, injuring four people, officials said.",
        ),
    ),
    (
        "kharkiv and chuhuiv",
        (
            "2025-06-09",
            "Kyiv Wire",
            "Russian drones attacked Kharkiv on Sunday, injuring five people, the governor said.",
        ),
        (
            "2025-06-09",
            "Eastern Daily",
            "Russian drones attacked Chuhuiv on Sunday, injuring five people, the governor said.",
        ),
    ),
    (
        "kostiantynivka and druzhkivka",
        (
            "2025-06-11",
            "Frontline Post",
            "Russian artillery shelled Kostiantynivka on Tuesday, killing two people, officials said.",
        ),
        (
            "2025-06-11",
            "Eastern Daily",
            "Russian artillery shelled Druzhkivka on Tuesday, killing two people, officials said.",
        ),
    ),
    # same place and day, another kind of event
    (
        "odesa: missiles and drones",
        (
            "2025-06-04",
            "Kyiv Wire",
            "Russian missiles hit Odesa on Tuesday, injuring three people, officials said.",
        ),
        (
            "2025-06-04",
            "Black Sea Post",
            "Russian drones attacked Odesa on Tuesday, injuring three people, officials said.",
        ),
    ),
    (
        "pokrovsk: clash and shelling",
        (
            "2025-06-03",
            "Frontline Post",
            "Ukrainian and Russian troops clashed near Pokrovsk on Monday, the general staff said.",
        ),
        (
            "2025-06-03",
            "Eastern Daily",
            "Russian artillery shelled Pokrovsk on Monday, killing one civilian, officials said.",
        ),
    ),
    (
        "kyiv: protest and drones",
        (
            "2025-06-08",
            "Capital News",
            "Hundreds of people protested in Kyiv on Saturday against the closure of a hospital, organisers said.",
        ),
        (
            "2025-06-08",
            "Kyiv Wire",
            "Russian drones attacked Kyiv on Saturday, injuring two people, officials said.",
        ),
    ),
    (
        "dnipro: missiles and drones",
        (
            "2025-06-07",
            "Frontline Post",
            "Russian missiles hit Dnipro on Friday, killing two people, officials said.",
        ),
        (
            "2025-06-07",
            "Kyiv Wire",
            "Russian drones hit Dnipro on Friday, killing two people, officials said.",
        ),
    ),
    (
        "zaporizhzhia: shelling and clash",
        (
            "2025-06-06",
            "Kyiv Wire",
            "Russian forces shelled Zaporizhzhia on Thursday, killing one person, the governor said.",
        ),
        (
            "2025-06-06",
            "Frontline Post",
            "Ukrainian and Russian troops clashed near Zaporizhzhia on Thursday, the general staff said.",
        ),
    ),
    (
        "lviv: missiles, opposing attackers",
        (
            "2025-06-11",
            "Western Voice",
            "Russian missiles struck Lviv on Tuesday, injuring five people, the mayor said.",
        ),
        (
            "2025-06-11",
            "Border Post",
            "Ukrainian missiles struck Lviv on Tuesday, injuring five people, the mayor said.",
        ),
    ),
]

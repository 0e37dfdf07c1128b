//! The glossary: the words of neighbourhood self-governance that a resident meets on her screens
//! (公示期, 验收, 并案, 委托 …), each with one plain sentence that says what it means, in each language.
//!
//! The terms live in core, beside the error messages that use the same words, so that every client of
//! the API (the apps, a printed leaflet, the API's documentation) explains a word the same way. Each term
//! is a constant ([`Term::PublicationPeriod`], …), not a variant looked up by `match`: an app that shows
//! one term carries that term's words only, and the linker drops the rest. [`Term::ALL`] lists them all
//! for those that want the whole glossary (and for the tests).

use super::Lang;

/// A term and its explanation in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Words {
    /// The term as it is written on the screens.
    pub word: &'static str,
    /// One plain sentence: what it means for the resident.
    pub meaning: &'static str,
}

/// A governance term with its words in Chinese and in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    /// A stable snake_case key, for clients that refer to a term by name.
    pub key: &'static str,
    pub zh: Words,
    pub en: Words,
}

impl Term {
    #[must_use]
    pub fn words(self, lang: Lang) -> Words {
        match lang {
            Lang::ZhCn => self.zh,
            Lang::En => self.en,
        }
    }

    #[must_use]
    pub fn word(self, lang: Lang) -> &'static str {
        self.words(lang).word
    }

    #[must_use]
    pub fn meaning(self, lang: Lang) -> &'static str {
        self.words(lang).meaning
    }

    /// The term of this key, if the glossary has it.
    #[must_use]
    pub fn by_key(key: &str) -> Option<Term> {
        Term::ALL.iter().copied().find(|t| t.key == key)
    }
}

#[expect(
    non_upper_case_globals,
    reason = "terms read as `Term::PublicationPeriod`, like the app's messages"
)]
impl Term {
    pub const PublicationPeriod: Term = Term {
        key: "publication_period",
        zh: Words {
            word: "公示期",
            meaning: "公告贴出后留给大家查看的几天，这期间觉得不对可以提出异议，到期没有问题才算定下来。",
        },
        en: Words {
            word: "publication period",
            meaning: "The days a notice stays up for everyone to check; until they end you may object, and only then does it stand.",
        },
    };
    pub const Objection: Term = Term {
        key: "objection",
        zh: Words {
            word: "异议",
            meaning: "您认为公示的内容有错或不公平时提出的意见，社区要公开答复。",
        },
        en: Words {
            word: "objection",
            meaning: "Saying that something published is wrong or unfair; the community must answer it in public.",
        },
    };
    pub const Acceptance: Term = Term {
        key: "acceptance",
        zh: Words {
            word: "验收",
            meaning: "事情办完后，由居民代表到现场看一看，确认是不是按说好的办好了。",
        },
        en: Words {
            word: "acceptance",
            meaning: "When the work is done, residents' representatives look at it and confirm it was done as agreed.",
        },
    };
    pub const MergeRequests: Term = Term {
        key: "merge_requests",
        zh: Words {
            word: "并案",
            meaning: "几个人反映的是同一件事，就合在一起办，办好了大家都会收到结果。",
        },
        en: Words {
            word: "joined requests",
            meaning: "Several people reporting the same trouble are handled as one case, and all of them hear the outcome.",
        },
    };
    pub const Proxy: Term = Term {
        key: "proxy",
        zh: Words {
            word: "委托",
            meaning: "投票开始前请一位信得过的邻居替您投票，她会多投一票，算您的。",
        },
        en: Words {
            word: "proxy",
            meaning: "Before a vote opens, you ask a neighbour you trust to cast your vote for you as well as her own.",
        },
    };
    pub const Quorum: Term = Term {
        key: "quorum",
        zh: Words {
            word: "法定人数",
            meaning: "至少要有这么多人参加，表决才算数；人数不够，结果不作决定。",
        },
        en: Words {
            word: "quorum",
            meaning: "The least number of people who must take part for a decision to count.",
        },
    };
    pub const HouseholdRepresentative: Term = Term {
        key: "household_representative",
        zh: Words {
            word: "户代表",
            meaning: "代表全家参加“一户一票”投票的那位家庭成员。",
        },
        en: Words {
            word: "household representative",
            meaning: "The member of a household who casts its vote when each household has one vote.",
        },
    };
    pub const OneMatterOneCovenant: Term = Term {
        key: "one_matter_one_covenant",
        zh: Words {
            word: "一事一约",
            meaning: "为一件具体的事，由邻居们商量定下大家共同遵守的约定，投票通过后各户签字。",
        },
        en: Words {
            word: "covenant for one matter",
            meaning: "Rules for one concrete matter that neighbours agree together, adopt by vote and each household signs.",
        },
    };
    pub const Propose: Term = Term {
        key: "propose",
        zh: Words {
            word: "民提",
            meaning: "居民提出希望解决的事，邻居附议够了人数，就列入议事清单。",
        },
        en: Words {
            word: "propose",
            meaning: "A resident raises something to fix, and once enough neighbours support it, it goes on the council's list.",
        },
    };
    pub const Deliberate: Term = Term {
        key: "deliberate",
        zh: Words {
            word: "民议",
            meaning: "大家一起讨论这件事怎么办，可以赞成、反对、提问或提建议。",
        },
        en: Words {
            word: "deliberate",
            meaning: "Everyone discusses how to handle it: for, against, with questions or suggestions.",
        },
    };
    pub const Decide: Term = Term {
        key: "decide",
        zh: Words {
            word: "民决",
            meaning: "由居民投票或在议事会上表决，决定办不办、怎么办。",
        },
        en: Words {
            word: "decide",
            meaning: "Residents vote, online or in a meeting, on whether and how it is done.",
        },
    };
    pub const CarryOut: Term = Term {
        key: "carry_out",
        zh: Words {
            word: "民办",
            meaning: "按决定把事情办起来，进度和照片都公开给大家看。",
        },
        en: Words {
            word: "carry out",
            meaning: "The decision is put into practice, with its progress and photos open to all.",
        },
    };
    pub const Evaluate: Term = Term {
        key: "evaluate",
        zh: Words {
            word: "民评",
            meaning: "事情办完后，居民给办得好不好打分、留言。",
        },
        en: Words {
            word: "evaluate",
            meaning: "When it is done, residents rate how well it was done and say why.",
        },
    };
    pub const NamedBallot: Term = Term {
        key: "named_ballot",
        zh: Words {
            word: "记名投票",
            meaning: "投票后，大家能看到谁投了什么。",
        },
        en: Words {
            word: "named ballot",
            meaning: "Everyone can see who voted for what.",
        },
    };
    pub const SecretBallot: Term = Term {
        key: "secret_ballot",
        zh: Words {
            word: "无记名投票",
            meaning: "谁也看不到您投了什么，连社区工作人员也看不到，只统计总票数。",
        },
        en: Words {
            word: "secret ballot",
            meaning: "Nobody, not even the community staff, can see how you voted; only the totals are counted.",
        },
    };
    pub const Receipt: Term = Term {
        key: "receipt",
        zh: Words {
            word: "回执",
            meaning: "投票后给您的一串号码，结果公布后可以在投票清单里找到它，核对您的票算进去了。",
        },
        en: Words {
            word: "receipt",
            meaning: "A code you get after voting, to find your ballot in the published list and check it was counted.",
        },
    };
    pub const Support: Term = Term {
        key: "support",
        zh: Words {
            word: "附议",
            meaning: "您也觉得这件事该办，就点一下表示支持，够了人数就会拿出来商量。",
        },
        en: Words {
            word: "support",
            meaning: "Saying you too want it done; with enough supporters it is taken up for discussion.",
        },
    };
    pub const DoubleMajority: Term = Term {
        key: "double_majority",
        zh: Words {
            word: "双过半",
            meaning: "赞成的户数过半，同时赞成户的房屋面积也过半，才算通过。",
        },
        en: Words {
            word: "double majority",
            meaning: "It passes only if more than half the households and more than half the floor area say yes.",
        },
    };
    pub const OnBehalf: Term = Term {
        key: "on_behalf",
        zh: Words {
            word: "代办",
            meaning: "没有手机的老人，由网格员或社区工作人员替他办理，并写明原因。",
        },
        en: Words {
            word: "on behalf",
            meaning: "A grid worker or staff member does it for someone without a phone, and records why.",
        },
    };
    pub const FirstResponder: Term = Term {
        key: "first_responder",
        zh: Words {
            word: "首问负责",
            meaning: "谁先接到您的诉求谁负责到底，不归他管的，也要说清该找哪个单位并帮您转过去。",
        },
        en: Words {
            word: "first contact answers",
            meaning: "Whoever first receives your request is responsible for it, and if it is not theirs they name and pass it to the right unit.",
        },
    };
    pub const TimeLimit: Term = Term {
        key: "time_limit",
        zh: Words {
            word: "办理时限",
            meaning: "办理单位必须在这个时间内办好，超时会报给社区、街道和区里。",
        },
        en: Words {
            word: "time limit",
            meaning: "The unit must have it done within this time; when late it is reported to the community, the street and the district.",
        },
    };
    pub const Verification: Term = Term {
        key: "verification",
        zh: Words {
            word: "居民认证",
            meaning: "社区或网格员确认您确实住在这一户，确认后才能投票、看本楼的事。",
        },
        en: Words {
            word: "verification",
            meaning: "The community or your grid worker confirms you live in your home; then you can vote and see your building's business.",
        },
    };
    pub const Council: Term = Term {
        key: "council",
        zh: Words {
            word: "居民议事会",
            meaning: "居民和居民代表坐在一起商量、表决社区大事的会议。",
        },
        en: Words {
            word: "residents' council",
            meaning: "A meeting where residents and their representatives discuss and vote on the community's business.",
        },
    };

    /// The whole glossary, in the order a reader meets the words.
    pub const ALL: [Term; 23] = [
        Term::PublicationPeriod,
        Term::Objection,
        Term::Propose,
        Term::Deliberate,
        Term::Decide,
        Term::CarryOut,
        Term::Evaluate,
        Term::Support,
        Term::Acceptance,
        Term::Council,
        Term::Quorum,
        Term::SecretBallot,
        Term::NamedBallot,
        Term::Receipt,
        Term::Proxy,
        Term::HouseholdRepresentative,
        Term::DoubleMajority,
        Term::OneMatterOneCovenant,
        Term::MergeRequests,
        Term::FirstResponder,
        Term::TimeLimit,
        Term::OnBehalf,
        Term::Verification,
    ];
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn han(c: char) -> bool {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
    }

    #[test]
    fn every_term_has_both_languages_in_one_sentence() {
        for term in Term::ALL {
            let (zh, en) = (term.zh, term.en);
            assert!(zh.word.chars().all(han), "{}: 中文词 {}", term.key, zh.word);
            assert!(zh.meaning.chars().any(han), "{}: 中文解释", term.key);
            assert!(
                zh.meaning.ends_with('。'),
                "{}: 中文解释以句号结束",
                term.key
            );
            assert_eq!(
                zh.meaning.matches(['。', '！', '？']).count(),
                1,
                "{}: 中文解释只有一句",
                term.key
            );
            assert!(!en.word.is_empty() && en.word.is_ascii(), "{}", term.key);
            assert!(en.meaning.is_ascii(), "{}: English meaning", term.key);
            assert!(
                en.meaning.ends_with('.'),
                "{}: English ends a sentence",
                term.key
            );
            assert_eq!(
                en.meaning.matches(". ").count(),
                0,
                "{}: one English sentence",
                term.key
            );
            // Plain words are short: a phone shows them in a few lines.
            assert!(
                zh.meaning.chars().count() <= 60,
                "{}: 中文解释太长",
                term.key
            );
            assert!(
                en.meaning.len() <= 160,
                "{}: English meaning too long",
                term.key
            );
        }
    }

    #[test]
    fn keys_and_words_are_unique_and_keys_find_their_terms() {
        let keys: HashSet<_> = Term::ALL.iter().map(|t| t.key).collect();
        let zh: HashSet<_> = Term::ALL.iter().map(|t| t.zh.word).collect();
        let en: HashSet<_> = Term::ALL.iter().map(|t| t.en.word).collect();
        assert_eq!(keys.len(), Term::ALL.len());
        assert_eq!(zh.len(), Term::ALL.len());
        assert_eq!(en.len(), Term::ALL.len());
        for term in Term::ALL {
            assert!(
                term.key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{} is snake_case",
                term.key
            );
            assert_eq!(Term::by_key(term.key), Some(term));
        }
        assert_eq!(Term::by_key("no_such_term"), None);
    }

    /// The names of the glossary's constants, and of those listed in `Term::ALL`, as written.
    fn declared_and_listed(source: &str) -> (Vec<&str>, Vec<&str>) {
        let declared = source
            .lines()
            .filter_map(|l| l.trim().strip_prefix("pub const "))
            .filter_map(|l| l.strip_suffix(": Term = Term {"))
            .collect();
        let all = source
            .split_once("pub const ALL")
            .and_then(|(_, rest)| rest.split_once("];"))
            .map_or("", |(list, _)| list);
        let listed = all
            .lines()
            .filter_map(|l| l.trim().strip_prefix("Term::"))
            .filter_map(|l| l.strip_suffix(','))
            .collect();
        (declared, listed)
    }

    #[test]
    fn every_term_defined_is_in_the_whole_glossary() {
        let (mut declared, mut listed) = declared_and_listed(include_str!("glossary.rs"));
        assert_eq!(declared.len(), Term::ALL.len(), "{declared:?}");
        declared.sort_unstable();
        listed.sort_unstable();
        assert_eq!(declared, listed);
    }

    #[test]
    fn words_follow_the_language() {
        let t = Term::PublicationPeriod;
        assert_eq!(t.word(Lang::ZhCn), "公示期");
        assert_eq!(t.word(Lang::En), "publication period");
        assert!(t.meaning(Lang::ZhCn).contains("异议"));
        assert!(t.meaning(Lang::En).contains("object"));
    }
}

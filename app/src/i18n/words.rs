//! Plain words: the glossary's "?" (`components::TermHelp`), reading aloud (`components::ReadAloud`)
//! and the voting methods explained (`pages::votes::MethodNote`). The terms and the methods' words
//! themselves are core's (`yishi_core::i18n::{Term, MethodWords}`).

use super::Msg;

#[expect(
    non_upper_case_globals,
    reason = "messages read as `Msg::Greeting`, as when they were variants"
)]
#[cfg_attr(not(feature = "office"), allow(dead_code))]
impl Msg {
    /// The accessible name of a term's "?" button.
    pub const WhatIsTerm: Msg = Msg {
        zh: "什么是{word}？",
        en: "What does “{word}” mean?",
    };
    pub const ReadAloud: Msg = Msg {
        zh: "朗读",
        en: "Read aloud",
    };
    pub const StopReading: Msg = Msg {
        zh: "停止朗读",
        en: "Stop reading",
    };
    pub const NoSpeech: Msg = Msg {
        zh: "这台手机不能朗读。",
        en: "This phone cannot read aloud.",
    };
    /// The read-aloud script could not be fetched (no network, and not yet kept on the phone).
    pub const ReadAloudNotLoaded: Msg = Msg {
        zh: "网络不好，朗读没有打开，请稍后再点一次。",
        en: "Reading aloud could not be opened: the network is poor. Please tap again later.",
    };
    pub const NoChineseVoice: Msg = Msg {
        zh: "这台手机没有中文朗读声音。",
        en: "This phone has no Chinese reading voice.",
    };
    pub const NoEnglishVoice: Msg = Msg {
        zh: "这台手机没有英文朗读声音。",
        en: "This phone has no English reading voice.",
    };
    /// What is read of a vote after its question: the options, never her choice.
    pub const SpokenOptions: Msg = Msg {
        zh: "可以选的有：{list}。",
        en: "The options are: {list}.",
    };
    pub const SpokenYesNo: Msg = Msg {
        zh: "可以投赞成、反对或弃权。",
        en: "You may vote yes, no or abstain.",
    };
    /// Between options read aloud: a pause.
    pub const SpokenListSeparator: Msg = Msg {
        zh: "；", en: "; "
    };
    /// The small print under a method's plain words.
    pub const MethodProperName: Msg = Msg {
        zh: "方法名称：{name}",
        en: "Method: {name}",
    };
}

//! Votes: what she chose, her receipt, her history of votes, and the count every screen shows.

use super::Msg;

#[expect(
    non_upper_case_globals,
    reason = "messages read as `Msg::Greeting`, as when they were variants"
)]
#[cfg_attr(not(feature = "office"), allow(dead_code))]
impl Msg {
    pub const MyBallotHeading: Msg = Msg {
        zh: "我的一票",
        en: "My ballot",
    };
    pub const JustVoted: Msg = Msg {
        zh: "已投票，谢谢您！",
        en: "Voted. Thank you!",
    };
    pub const YouChose: Msg = Msg {
        zh: "您选的是：",
        en: "You chose:",
    };
    pub const YouRanked: Msg = Msg {
        zh: "您排的顺序（第一位是最想要的）：",
        en: "Your order (first is the one you want most):",
    };
    pub const YouScored: Msg = Msg {
        zh: "您打的分：",
        en: "Your scores:",
    };
    pub const ScoreOf: Msg = Msg {
        zh: "{option}：{score} 分（满分 {max} 分）",
        en: "{option}: {score} of {max}",
    };
    pub const PricedItem: Msg = Msg {
        zh: "{option}：{cost} 元",
        en: "{option}: {cost} yuan",
    };
    pub const PricedTotal: Msg = Msg {
        zh: "合计 {total} 元（预算 {budget} 元）",
        en: "Total {total} yuan (budget {budget} yuan)",
    };
    pub const AbstainedChoice: Msg = Msg {
        zh: "弃权",
        en: "Abstained",
    };
    pub const SecretCounted: Msg = Msg {
        zh: "您的票已计入。这是不记名投票：这里不显示您选了什么，系统也不记录哪张票是您的。",
        en: "Your ballot is counted. This is a secret vote: what you chose is not shown here, and nothing links your ballot to you.",
    };
    pub const ReceiptIs: Msg = Msg {
        zh: "您的回执：{receipt}",
        en: "Your receipt: {receipt}",
    };
    pub const ReceiptHowToCheck: Msg = Msg {
        zh: "结果公布后，可以在公布的投票清单里找到这个回执，核对您的票已计入。",
        en: "Once the result is out, find this receipt in the published list of ballots to check that your ballot is counted.",
    };
    pub const ReceiptOnThisPhone: Msg = Msg {
        zh: "这个回执只保存在这部手机上。",
        en: "This receipt is kept on this phone only.",
    };
    pub const ReceiptNotOnThisPhone: Msg = Msg {
        zh: "回执在投票时显示过，这部手机上没有保存。为了保密，系统不能再查到它。",
        en: "Your receipt was shown when you voted and is not kept on this phone. To keep the vote secret, the system cannot find it again.",
    };
    pub const CastByOther: Msg = Msg {
        zh: "由{name}代投。",
        en: "Cast by {name}.",
    };
    pub const CastOnPaper: Msg = Msg {
        zh: "这是纸质票，由工作人员录入。",
        en: "A paper ballot, entered by staff.",
    };
    pub const CastByHands: Msg = Msg {
        zh: "这是举手表决，由工作人员录入。",
        en: "A show of hands, entered by staff.",
    };
    pub const CheckReceipt: Msg = Msg {
        zh: "核对我的票是否计入",
        en: "Check my ballot is counted",
    };
    pub const ReceiptFound: Msg = Msg {
        zh: "已核对：回执 {receipt} 在公布的投票清单里，您的票已计入。",
        en: "Checked: receipt {receipt} is in the published list, so your ballot is counted.",
    };
    pub const ReceiptMissing: Msg = Msg {
        zh: "公布的投票清单里没有找到回执 {receipt}，请联系社区工作人员。",
        en: "Receipt {receipt} is not in the published list. Please contact the community office.",
    };
    pub const MyVotesHeading: Msg = Msg {
        zh: "我的投票",
        en: "My votes",
    };
    pub const VotesPageHeading: Msg = Msg {
        zh: "投票",
        en: "Votes",
    };
    pub const MyVotesIntro: Msg = Msg {
        zh: "您投过的票和回执都在这里。",
        en: "The votes you took part in, with your receipts.",
    };
    pub const MyVotesEmpty: Msg = Msg {
        zh: "您还没有投过票。",
        en: "You have not voted yet.",
    };
    pub const MyVotesLink: Msg = Msg {
        zh: "我的投票和回执",
        en: "My votes and receipts",
    };
    pub const NoVoteWaiting: Msg = Msg {
        zh: "现在没有等您投的票。",
        en: "No vote is waiting for you now.",
    };
    pub const DelegatedCast: Msg = Msg {
        zh: "您委托的邻居已经替您投了这一票。",
        en: "The neighbour you asked has cast your vote.",
    };
    pub const DelegatedNotYet: Msg = Msg {
        zh: "您委托的邻居还没有替您投票。",
        en: "The neighbour you asked has not cast your vote yet.",
    };
    pub const SecretVoteBadge: Msg = Msg {
        zh: "不记名",
        en: "Secret",
    };
    pub const NamedVoteBadge: Msg = Msg {
        zh: "记名",
        en: "Named",
    };
    /// On a named vote that allows it, while it is open: cast again, replacing her ballot.
    pub const ChangeBallot: Msg = Msg {
        zh: "改票",
        en: "Change my vote",
    };
    pub const ChangeBallotHint: Msg = Msg {
        zh: "截止前可以改票，以最后投的一次为准。",
        en: "You may change your vote until voting closes; the last one counts.",
    };
    pub const KeepBallot: Msg = Msg {
        zh: "不改了",
        en: "Keep my vote",
    };
    pub const BallotChanged: Msg = Msg {
        zh: "已改票，以这一次为准。",
        en: "Vote changed: this one counts.",
    };
    /// In her history: a vote she delegated to a neighbour.
    pub const DelegatedAwayLine: Msg = Msg {
        zh: "这一票您委托邻居代投。",
        en: "You asked a neighbour to cast this vote for you.",
    };
}

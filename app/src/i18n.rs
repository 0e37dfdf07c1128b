//! The app's own screen text. Every user-facing string is a [`Msg`] looked up by [`t`]: one exhaustive
//! `match` per language, so a message without a translation does not compile. Error messages and field names
//! shared with the API come from `yishi_core::i18n`.

use leptos::prelude::*;
use yishi_core::Lang;

use crate::prefs;

/// A piece of screen text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    // Shell and header.
    AppName,
    MainNav,
    Settings,
    /// The language switch shows the name of the *other* language.
    OtherLanguage,
    LargeType,
    SignOut,
    Loading,
    Retry,
    // Errors that are not the server's.
    NetworkError,
    UnexpectedResponse,
    SignInFirst,
    // Sign-in and joining.
    SignInHeading,
    SignInIntro,
    Phone,
    PhoneHint,
    Password,
    SignInButton,
    SigningIn,
    JoinLink,
    JoinHeading,
    JoinIntro,
    InviteCode,
    InviteCodeHint,
    Name,
    SetPasscode,
    PasscodeHint,
    JoinButton,
    Joining,
    HaveAccount,
    // Home and the notice board.
    Greeting,
    NoticesHeading,
    NoNotices,
    LoadMore,
    NewNoticeLink,
    BackToList,
    Author,
    PublishedAt,
    // Publishing.
    NewNoticeHeading,
    Title,
    TitleHint,
    Body,
    BodyHint,
    ScopeLabel,
    ScopeHint,
    ChooseScope,
    WholeCommunity,
    WholeCompound,
    PublishButton,
    Publishing,
    CannotPost,
    // Not found.
    NotFoundHeading,
    NotFoundText,
    GoHome,
}

/// The text of `key` in `lang`.
#[must_use]
pub fn t(lang: Lang, key: Msg) -> &'static str {
    match lang {
        Lang::ZhCn => zh_cn(key),
        Lang::En => en(key),
    }
}

/// The text of `key` with `{name}` placeholders replaced.
#[must_use]
pub fn fill(lang: Lang, key: Msg, args: &[(&str, &str)]) -> String {
    args.iter()
        .fold(t(lang, key).to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

fn zh_cn(key: Msg) -> &'static str {
    match key {
        Msg::AppName => "议事",
        Msg::MainNav => "主导航",
        Msg::Settings => "显示设置",
        Msg::OtherLanguage => "English",
        Msg::LargeType => "大字模式",
        Msg::SignOut => "退出登录",
        Msg::Loading => "正在加载…",
        Msg::Retry => "重试",
        Msg::NetworkError => "网络连接失败，请检查网络后重试。",
        Msg::UnexpectedResponse => "服务器的回答无法识别，请稍后再试。",
        Msg::SignInFirst => "请先登录，正在前往登录页…",
        Msg::SignInHeading => "登录",
        Msg::SignInIntro => "请用登记的手机号和密码登录。",
        Msg::Phone => "手机号",
        Msg::PhoneHint => "11 位手机号码",
        Msg::Password => "密码",
        Msg::SignInButton => "登录",
        Msg::SigningIn => "正在登录，请稍候…",
        Msg::JoinLink => "用邀请码加入",
        Msg::JoinHeading => "用邀请码加入",
        Msg::JoinIntro => "第一次使用？请输入社区发给您家的邀请码。",
        Msg::InviteCode => "邀请码",
        Msg::InviteCodeHint => "邀请码印在社区发的通知单上，共 8 位字母和数字",
        Msg::Name => "姓名",
        Msg::SetPasscode => "设置密码",
        Msg::PasscodeHint => "至少 {min} 个字符，可以用好记的数字，以后登录要用",
        Msg::JoinButton => "加入",
        Msg::Joining => "正在加入，请稍候…",
        Msg::HaveAccount => "已经有账号？去登录",
        Msg::Greeting => "您好，{name}",
        Msg::NoticesHeading => "公告",
        Msg::NoNotices => "目前还没有公告。",
        Msg::LoadMore => "加载更多",
        Msg::NewNoticeLink => "发布公告",
        Msg::BackToList => "返回公告列表",
        Msg::Author => "发布人",
        Msg::PublishedAt => "发布时间",
        Msg::NewNoticeHeading => "发布公告",
        Msg::Title => "标题",
        Msg::TitleHint => "最多 {max} 个字，已输入 {count} 个字",
        Msg::Body => "正文",
        Msg::BodyHint => "最多 {max} 个字，已输入 {count} 个字",
        Msg::ScopeLabel => "发布范围",
        Msg::ScopeHint => "选择谁能看到这条公告",
        Msg::ChooseScope => "请选择",
        Msg::WholeCommunity => "{name}（全社区）",
        Msg::WholeCompound => "{name}（全小区）",
        Msg::PublishButton => "发布",
        Msg::Publishing => "正在发布，请稍候…",
        Msg::CannotPost => "您没有发布公告的权限。",
        Msg::NotFoundHeading => "页面不存在",
        Msg::NotFoundText => "您要找的页面不存在，可能是链接写错了。",
        Msg::GoHome => "回到首页",
    }
}

fn en(key: Msg) -> &'static str {
    match key {
        Msg::AppName => "Yishi",
        Msg::MainNav => "Main navigation",
        Msg::Settings => "Display settings",
        Msg::OtherLanguage => "中文",
        Msg::LargeType => "Large text",
        Msg::SignOut => "Sign out",
        Msg::Loading => "Loading…",
        Msg::Retry => "Try again",
        Msg::NetworkError => "Could not connect. Please check your network and try again.",
        Msg::UnexpectedResponse => {
            "The server sent an answer we could not read. Please try again later."
        }
        Msg::SignInFirst => "Please sign in first. Taking you to the sign-in page…",
        Msg::SignInHeading => "Sign in",
        Msg::SignInIntro => "Sign in with your registered phone number and password.",
        Msg::Phone => "Phone number",
        Msg::PhoneHint => "Your 11-digit mobile number",
        Msg::Password => "Password",
        Msg::SignInButton => "Sign in",
        Msg::SigningIn => "Signing in, please wait…",
        Msg::JoinLink => "Join with an invite code",
        Msg::JoinHeading => "Join with an invite code",
        Msg::JoinIntro => {
            "First time here? Enter the invite code your community gave your household."
        }
        Msg::InviteCode => "Invite code",
        Msg::InviteCodeHint => "Printed on the letter from your community: 8 letters and digits",
        Msg::Name => "Name",
        Msg::SetPasscode => "Choose a password",
        Msg::PasscodeHint => {
            "At least {min} characters; easy-to-remember digits are fine. You will use it to sign in."
        }
        Msg::JoinButton => "Join",
        Msg::Joining => "Joining, please wait…",
        Msg::HaveAccount => "Already have an account? Sign in",
        Msg::Greeting => "Hello, {name}",
        Msg::NoticesHeading => "Notices",
        Msg::NoNotices => "There are no notices yet.",
        Msg::LoadMore => "Load more",
        Msg::NewNoticeLink => "Post a notice",
        Msg::BackToList => "Back to notices",
        Msg::Author => "Posted by",
        Msg::PublishedAt => "Posted at",
        Msg::NewNoticeHeading => "Post a notice",
        Msg::Title => "Title",
        Msg::TitleHint => "At most {max} characters; {count} so far",
        Msg::Body => "Text",
        Msg::BodyHint => "At most {max} characters; {count} so far",
        Msg::ScopeLabel => "Audience",
        Msg::ScopeHint => "Who will see this notice",
        Msg::ChooseScope => "Please choose",
        Msg::WholeCommunity => "{name} (whole community)",
        Msg::WholeCompound => "{name} (whole compound)",
        Msg::PublishButton => "Post",
        Msg::Publishing => "Posting, please wait…",
        Msg::CannotPost => "You are not allowed to post notices.",
        Msg::NotFoundHeading => "Page not found",
        Msg::NotFoundText => "The page you are looking for does not exist. The link may be wrong.",
        Msg::GoHome => "Go to the home page",
    }
}

const LANG_KEY: &str = "yishi.lang";

/// The current language, shared by every component.
#[derive(Clone, Copy, Debug)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    /// The current language (tracked).
    #[must_use]
    pub fn lang(self) -> Lang {
        self.lang.get()
    }

    /// The current language without subscribing to changes (for requests).
    #[must_use]
    pub fn lang_untracked(self) -> Lang {
        self.lang.get_untracked()
    }

    /// The text of `key` in the current language (tracked).
    #[must_use]
    pub fn t(self, key: Msg) -> &'static str {
        t(self.lang.get(), key)
    }

    /// A reactive text for views and attributes: re-renders when the language changes.
    pub fn text(self, key: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(key)
    }

    /// Switches the language, remembers it and updates `<html lang>`.
    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        prefs::store(LANG_KEY, lang.tag());
    }
}

/// Provides the language context: the stored choice, Chinese otherwise. Keeps `<html lang>` and the
/// document's title in step.
pub fn provide_i18n_context() -> I18n {
    let initial = prefs::load(LANG_KEY)
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default();
    let i18n = I18n {
        lang: RwSignal::new(initial),
    };
    Effect::new(move |_| {
        let lang = i18n.lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
    });
    provide_context(i18n);
    i18n
}

/// The language context (a Chinese one if none was provided, which only happens in isolated components).
#[must_use]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n {
        lang: RwSignal::new(Lang::default()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(Lang::ZhCn, Msg::Greeting, &[("name", "张三")]),
            "您好，张三"
        );
        assert_eq!(
            fill(Lang::En, Msg::TitleHint, &[("max", "80"), ("count", "3")]),
            "At most 80 characters; 3 so far"
        );
    }

    #[test]
    fn the_language_switch_names_the_other_language() {
        assert_eq!(t(Lang::ZhCn, Msg::OtherLanguage), "English");
        assert_eq!(t(Lang::En, Msg::OtherLanguage), "中文");
    }
}

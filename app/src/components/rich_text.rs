use leptos::prelude::*;
use yishi_core::richtext::{Block, Inline, parse};

/// A notice's rich text (see `yishi_core::richtext`), rendered as elements whose text is always text:
/// nothing a writer types becomes HTML.
#[component]
pub fn RichText(text: String) -> impl IntoView {
    let inline = |pieces: Vec<Inline>| {
        pieces
            .into_iter()
            .map(|piece| match piece {
                Inline::Text { text } => view! { <span>{text}</span> }.into_any(),
                Inline::Bold { text } => view! { <strong>{text}</strong> }.into_any(),
                Inline::Link { text, href } => {
                    let external = !href.starts_with('/');
                    view! {
                        <a href=href rel=external.then_some("noopener noreferrer nofollow") target=external.then_some("_blank")>
                            {text}
                        </a>
                    }
                        .into_any()
                }
            })
            .collect::<Vec<_>>()
    };
    let blocks = parse(&text)
        .into_iter()
        .map(|block| match block {
            Block::Heading(h) => view! { <h2 class="rich-heading">{inline(h)}</h2> }.into_any(),
            Block::Paragraph(lines) => {
                let count = lines.len();
                view! {
                    <p>
                        {lines
                            .into_iter()
                            .enumerate()
                            .map(|(i, line)| view! { {inline(line)} {(i + 1 < count).then(|| view! { <br /> })} })
                            .collect::<Vec<_>>()}
                    </p>
                }
                    .into_any()
            }
            Block::List { ordered: false, items } => view! {
                <ul>{items.into_iter().map(|item| view! { <li>{inline(item)}</li> }).collect::<Vec<_>>()}</ul>
            }
                .into_any(),
            Block::List { ordered: true, items } => view! {
                <ol>{items.into_iter().map(|item| view! { <li>{inline(item)}</li> }).collect::<Vec<_>>()}</ol>
            }
                .into_any(),
        })
        .collect::<Vec<_>>();
    view! { <div class="notice-body rich">{blocks}</div> }
}

//! Photos before upload: a phone's photo is made at most [`MAX_SIDE`] pixels on its long side and
//! re-encoded as JPEG (a 4 MB photo becomes a few hundred KB), so that it gets through a weak network.
//! What the browser cannot decode is sent as it is, and the server says whether it takes it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, File, HtmlCanvasElement, ImageBitmap};
use yishi_core::api::routes::UploadPhoto;

/// Longest side of an uploaded photo, in pixels.
pub const MAX_SIDE: u32 = 1_600;

/// Uploads `files` one after the other (photos made smaller first) and returns their ids, or the first
/// error.
pub async fn upload_all(
    lang: yishi_core::Lang,
    files: Vec<File>,
) -> Result<Vec<String>, crate::api::ApiError> {
    let mut ids = Vec::with_capacity(files.len());
    for file in files {
        let blob = shrink(file).await;
        ids.push(
            crate::api::upload(lang, &UploadPhoto {}, &blob)
                .await?
                .photo
                .id
                .to_string(),
        );
    }
    Ok(ids)
}

/// As [`upload_all`], with `uploading` set while it runs (the form then says "uploading photos").
pub async fn upload_showing(
    lang: yishi_core::Lang,
    files: Vec<File>,
    uploading: leptos::prelude::RwSignal<bool>,
) -> Result<Vec<String>, crate::api::ApiError> {
    use leptos::prelude::Set;
    uploading.set(!files.is_empty());
    let uploaded = upload_all(lang, files).await;
    uploading.set(false);
    uploaded
}

/// The photo to upload for `file`: a smaller JPEG when the browser can make one, else the file itself.
pub async fn shrink(file: File) -> Blob {
    match smaller(&file).await {
        Ok(Some(blob)) => blob,
        Ok(None) | Err(_) => file.into(),
    }
}

async fn smaller(file: &File) -> Result<Option<Blob>, JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let bitmap: ImageBitmap = JsFuture::from(window.create_image_bitmap_with_blob(file)?)
        .await?
        .dyn_into()?;
    let (width, height) = (bitmap.width(), bitmap.height());
    let long = width.max(height).max(1);
    let scale = (f64::from(MAX_SIDE) / f64::from(long)).min(1.0);
    let to = |side: u32| {
        let scaled = (f64::from(side) * scale).round();
        // At most MAX_SIDE, so the conversion cannot overflow.
        if scaled < 1.0 { 1 } else { scaled as u32 }
    };
    let (w, h) = (to(width), to(height));
    let document = window.document().ok_or(JsValue::NULL)?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let context: CanvasRenderingContext2d =
        canvas.get_context("2d")?.ok_or(JsValue::NULL)?.dyn_into()?;
    context.draw_image_with_image_bitmap_and_dw_and_dh(
        &bitmap,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h),
    )?;
    bitmap.close();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        if canvas
            .to_blob_with_type_and_encoder_options(
                done.unchecked_ref(),
                "image/jpeg",
                &JsValue::from(0.82),
            )
            .is_err()
        {
            let _ = reject.call0(&JsValue::NULL);
        }
    });
    let blob: Blob = JsFuture::from(promise).await?.dyn_into()?;
    // Keep whichever is smaller: a small PNG screenshot may grow as a JPEG.
    Ok((blob.size() < file.size()).then_some(blob))
}

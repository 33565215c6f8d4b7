//! A probe of what each core dependency adds to the WebAssembly: one function that uses the
//! dependency the way the core does (features select which), built small like the page.
//! `bash scripts/dependency-size.sh` builds it once per feature and prints the difference.

use std::hint::black_box;
#[no_mangle]
pub extern "C" fn probe(ptr: *const u8, len: usize) -> usize {
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    let text = std::str::from_utf8(bytes).unwrap_or("");
    let mut n = black_box(text.len()); n += black_box(format!("{n:?} {:?} {}", text, 1.5f64)).len();
    #[cfg(feature = "tz")]
    {
        use chrono::TimeZone;
        let zones = [chrono_tz::Europe::Moscow, chrono_tz::Asia::Shanghai, chrono_tz::America::New_York, chrono_tz::Europe::London]; let tz = zones[n % 4];
        n += tz.with_ymd_and_hms(2024, 3, (n % 28) as u32 + 1, 12, 0, 0).single().map_or(0, |t| t.timestamp() as usize);
    }
    #[cfg(feature = "chr")]
    {
        use chrono::TimeZone;
        let tz = chrono::FixedOffset::east_opt((n % 43200) as i32).unwrap();
        n += tz.with_ymd_and_hms(2024, 3, (n % 28) as u32 + 1, 12, 0, 0).single().map_or(0, |t| t.timestamp() as usize);
    }
    #[cfg(feature = "stem")]
    {
        let s = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        n += s.stem(text).len();
    }
    #[cfg(feature = "seg")]
    {
        use unicode_segmentation::UnicodeSegmentation;
        n += text.split_sentence_bound_indices().count() + text.unicode_word_indices().count();
    }
    #[cfg(feature = "zip")]
    {
        let c = miniz_oxide::deflate::compress_to_vec(bytes, 9);
        n += miniz_oxide::inflate::decompress_to_vec(&c).map_or(0, |v| v.len());
    }
    #[cfg(feature = "re")]
    {
        n += regex::Regex::new(text).map_or(0, |re| re.find_iter("Ünïcode words 123").count());
    }
    #[cfg(feature = "html")]
    {
        let mut emitter = html5gum::DefaultEmitter::default();
        emitter.naively_switch_states(true);
        for token in html5gum::Tokenizer::new_with_emitter(text, emitter).flatten() {
            n += match token {
                html5gum::Token::StartTag(tag) => tag.attributes.get(b"class".as_slice()).map_or(1, |v| v.value.len()),
                html5gum::Token::String(s) => s.value.len(),
                _ => 0,
            };
        }
    }
    #[cfg(feature = "math")]
    {
        n += libm::logf(n as f32) as usize + libm::log10(n as f64) as usize;
    }
    n
}

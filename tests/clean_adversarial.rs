//! Inputs no page produces but a paste box receives: none may panic, each gives a sensible
//! result, and large input stays fast (the work is linear in the paste).

use wiretrace::clean::{clean, LineKind};
use wiretrace::{analyze, Input};

const PARAGRAPH: &str =
    "The council said on Tuesday that the new bridge would open next spring, after two years of delays caused by flooding.";

fn spans_are_valid(text: &str) {
    for a in clean(0, text) {
        for s in a.paragraphs.iter().chain(a.lines.iter().map(|l| &l.span)) {
            assert!(s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

#[test]
fn empty_paste() {
    assert!(clean(0, "").is_empty());
    assert!(clean(0, "\n\n \t \r\n").is_empty());
    let report = analyze(&[Input::new("empty.txt", "")]);
    assert!(report.articles.is_empty());
}

#[test]
fn only_boilerplate() {
    let text = "Home | News | Sport | Business\nSign in\nSubscribe\n\nRelated\nMost read\n\n© 2024 Example Media. All rights reserved.\nPrivacy Policy\n";
    let articles = clean(0, text);
    assert!(articles.iter().all(|a| a.paragraphs.is_empty()), "no body in chrome");
}

#[test]
fn one_enormous_line() {
    let text = PARAGRAPH.repeat(20_000);
    let articles = clean(0, &text);
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].paragraphs.len(), 1);
}

#[test]
fn five_megabytes_give_articles() {
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 5_000_000 {
        text.push_str(&format!(
            "Headline number {i} about the bridge\nMarch 3, 2025\n\n{PARAGRAPH}\n\nShare | Tweet | Email\n\n"
        ));
        i += 1;
    }
    // Speed is measured by `bash scripts/bench.sh`, not asserted here.
    let articles = clean(0, &text);
    assert!(!articles.is_empty());
    spans_are_valid(&text[..20_000]);
}

#[test]
fn no_newlines_at_all() {
    let text = PARAGRAPH.repeat(5);
    let a = &clean(0, &text)[0];
    assert_eq!(a.paragraphs, [wiretrace::Span::new(0, text.len())]);
}

#[test]
fn windows_line_endings() {
    let text = std::fs::read_to_string("tests/fixtures/bundles/mexico-election-2024/a6.txt").unwrap();
    assert!(text.contains("\r\n"));
    let a = &clean(0, &text)[0];
    assert_eq!(a.title.as_ref().unwrap().value, "Five takeaways from Mexico's historic election");
    assert!(a.paragraphs.iter().all(|p| !text[p.start..p.end].ends_with('\r')));
    assert_eq!(wiretrace::report::article_iso(&a.published.as_ref().unwrap().value), "2024-06-03");
}

#[test]
fn right_to_left_and_cjk_text() {
    let arabic = "الرئيس يزور المنطقة\n\nقال الرئيس يوم الأربعاء إن القوات ستواصل عملياتها في المنطقة حتى تحقيق جميع الأهداف المحددة، وأضاف أن الوضع تحت السيطرة.\n\nوأكد المتحدث باسم الوزارة أن المفاوضات مستمرة مع جميع الأطراف المعنية من أجل التوصل إلى اتفاق شامل ودائم.\n";
    let a = &clean(0, arabic)[0];
    assert_eq!(a.paragraphs.len(), 2);
    let chinese = "普京视察库尔斯克\n\n俄罗斯总统普京周三提议沿俄罗斯国境线建立安全区，并要求将敌军完全驱逐出库尔斯克地区。\n\n普京说，当务之急是彻底击败库尔斯克地区的敌人，确保该地区完全解放。\n\n版权所有 © 2025 新闻网\n";
    let a = &clean(0, chinese)[0];
    assert_eq!(a.paragraphs.len(), 2);
    assert!(
        a.lines.iter().any(|l| l.kind == LineKind::Credit),
        "the copyright line is a credit/legal line"
    );
    spans_are_valid(arabic);
    spans_are_valid(chinese);
}

#[test]
fn zero_width_and_control_characters() {
    let text = format!("\u{FEFF}A headline\u{200B}\n\u{200B}\u{200D}\n\u{7}{PARAGRAPH}\u{200C}\n\u{0}\n{PARAGRAPH}\u{1B}[0m\n");
    let a = &clean(0, &text)[0];
    assert_eq!(a.paragraphs.len(), 2);
    spans_are_valid(&text);
    let report = analyze(&[Input::new("odd.txt", text.as_str())]);
    assert_eq!(report.articles.len(), 1);
}

/// Every span of a report lies on character boundaries inside its paste.
fn report_spans_are_valid(text: &str, report: &wiretrace::Report) {
    let spans = report.articles.iter().flat_map(|a| a.paragraphs.iter().map(|p| p.span)).chain(
        report.claims.iter().flat_map(|c| c.mentions.iter().map(|m| m.span)),
    );
    for wiretrace::Span { start, end } in spans {
        assert!(start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end));
    }
}

/// Shapes that once made a stage re-read a growing prefix at every step: each finishes, with
/// a report, in about linear time (a regression shows as a hang, not a slow assertion).
#[test]
fn pathological_sentences_go_through_the_whole_pipeline() {
    let commas = format!("Bridge report\n\nIn 2024 {} said the minister.\n", vec!["x"; 20_000].join(", "));
    let subordinate = format!("Bridge report\n\nWhen {} said the minister.\n", vec!["he went"; 20_000].join(", "));
    let agencies = format!(
        "MOSCOW (Reuters) - {}\n",
        "Reuters reported, citing TASS and AFP (Reuters) photo/AP. ".repeat(4_000)
    );
    for text in [commas, subordinate, agencies] {
        let report = analyze(&[Input::new("hostile.txt", &text)]);
        assert_eq!(report.articles.len(), 1, "one article in {:?}", &text[..40]);
        report_spans_are_valid(&text, &report);
    }
}

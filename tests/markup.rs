//! The HTML path: what the markup reader finds, how its blocks align onto the plain paste, and
//! what the cleaner makes of a page with its markup against the same page as text alone.

use wiretrace::clean::lines::Paste;
use wiretrace::clean::markup::{align, blocks, blocks_of, visible_text, MAX_DEPTH};
use wiretrace::clean::{clean, clean_marked};
use wiretrace::{analyze, Input};

#[test]
fn visible_text_decodes_entities_and_leaves_out_what_is_not_shown() {
    let html = "<html><head><title>Tab</title><style>p{}</style></head><body>\
        <h1>Fish &amp; chips</h1><p>Caf&eacute; prices rose 5&#37;&nbsp;today.</p>\
        <script>var s = '<p>not text</p>';</script><div hidden>secret</div>\
        <p style=\"display: none\">gone</p><ul><li>one</li><li>two<br>lines</li></ul></body></html>";
    assert_eq!(visible_text(html), "Fish & chips\n\nCafé prices rose 5%\u{a0}today.\n\none\ntwo\nlines");
}

#[test]
fn malformed_markup_still_gives_its_text() {
    assert_eq!(visible_text("<p>open <b>bold <i>both</b> after</i> &notanentity; <p>next</div></span>"), "open bold both after ¬anentity;\n\nnext", "a legacy entity decodes without its semicolon, as in a browser");
    assert_eq!(visible_text("<!-- never closed <p>hidden"), "");
    assert_eq!(visible_text("plain text, no tags"), "plain text, no tags");
}

#[test]
fn blocks_carry_what_their_elements_say() {
    let html = "<nav><a href=/>Home</a></nav><article><h2>Title</h2><p>Body text here.</p>\
        <figure><figcaption>A photo</figcaption></figure><span class=\"byline\">By Ann Lee</span>\
        <div id=\"comments\"><p>First!</p></div></article>";
    let found = blocks(html);
    let of = |text: &str| found.iter().find(|b| b.text == text).unwrap_or_else(|| panic!("no block {text}")).marks;
    assert!(of("Home").chrome && of("Home").link);
    assert!(of("Title").heading && !of("Title").chrome);
    assert!(of("Body text here.").paragraph);
    assert!(of("A photo").caption);
    assert!(of("By Ann Lee").author);
    assert!(of("First!").comments);
}

#[test]
fn a_wrapper_holding_most_of_the_page_is_not_chrome_whatever_its_class() {
    let body = "<p>A long paragraph of the article that holds most of the page's text, and more.</p>".repeat(3);
    let found = blocks(&format!("<div class=\"page-ad-margins\">{body}</div><div class=\"sidebar\">Other links</div>"));
    assert!(!found[0].marks.chrome, "the wrapper of the article");
    assert!(found.last().unwrap().marks.chrome, "the sidebar");
}

#[test]
fn units_align_with_blocks_across_text_the_other_lacks() {
    // The paste has an image's alt text the markup's text nodes lack; the markup has a hidden line.
    let text = "Headline here\nlogo.png\nFirst paragraph of the story.\nSecond paragraph of it.";
    let html = "<h1>Headline here</h1><img alt=logo.png><p>First paragraph of the story.</p><p hidden>skip me</p><p>Second paragraph of it.</p>";
    let paste = Paste::new(text);
    let found = blocks(html);
    let aligned = align(&paste, &found);
    let text_of = |unit: usize| aligned[unit].map(|b| found[b].text.as_str());
    assert_eq!(text_of(0), Some("Headline here"));
    assert_eq!(text_of(1), None);
    assert_eq!(text_of(2), Some("First paragraph of the story."));
    assert_eq!(text_of(3), Some("Second paragraph of it."));
}

/// A page: a menu, the article (a heading, prose, a list of steps with no links), a "more news"
/// list of linked headlines written as sentences, and a footer.
fn page() -> (String, String) {
    let menu = ["World", "Business", "Sport"];
    let steps = ["Open the valve slowly", "Wait until the gauge reads zero", "Close the valve again"];
    let teasers = [
        "The city council approved a new budget for the coming year on Tuesday.",
        "Rail workers said they would strike next week over the pay offer made to them.",
        "A storm is expected to bring heavy rain to the coast later this week, officials said.",
    ];
    let prose = [
        "The water utility told residents on Monday that the pressure in the old mains had dropped after a valve failed overnight.",
        "Engineers said the repair would take two days, and that residents should follow three steps to drain their pipes safely.",
    ];
    let mut text = menu.join("\n") + "\n\nHow to drain your pipes after the valve failure\n\n";
    let mut html = format!("<nav><ul>{}</ul></nav><article><h1>How to drain your pipes after the valve failure</h1>", menu.map(|m| format!("<li><a href=/{m}>{m}</a></li>")).concat());
    for p in prose {
        text += &format!("{p}\n\n");
        html += &format!("<p>{p}</p>");
    }
    text += &steps.join("\n");
    html += &format!("<ol>{}</ol></article>", steps.map(|s| format!("<li>{s}</li>")).concat());
    text += "\n\nMore news\n\n";
    html += "<aside><h3>More news</h3><ul>";
    for t in teasers {
        text += &format!("{t}\n");
        html += &format!("<li><a href=/n>{t}</a></li>");
    }
    text += "\nContact the newsroom";
    html += "</ul></aside><footer><a href=/c>Contact the newsroom</a></footer>";
    (text, html)
}

#[test]
fn with_its_markup_a_page_keeps_its_list_and_drops_the_teasers() {
    let (text, html) = page();
    let body = |articles: Vec<wiretrace::clean::Article>| -> Vec<String> {
        articles.iter().max_by_key(|a| a.paragraphs.len()).map(|a| a.paragraphs.iter().map(|p| p.of(&text).to_string()).collect()).unwrap_or_default()
    };
    let marked = body(clean_marked(0, &text, Some(&html)));
    assert!(marked.iter().any(|p| p == "Wait until the gauge reads zero"), "the steps are the article's: {marked:?}");
    assert!(!marked.iter().any(|p| p.contains("council") || p.contains("Rail workers") || p.contains("storm")), "teasers: {marked:?}");
    assert!(!marked.iter().any(|p| p == "World" || p.contains("newsroom")), "chrome: {marked:?}");
}

#[test]
fn an_input_without_html_reads_as_the_text_alone() {
    let (text, _) = page();
    let plain = Input::new("a", text.as_str());
    assert_eq!(analyze(std::slice::from_ref(&plain)).to_json(), analyze(&[Input { html: None, ..plain.clone() }]).to_json());
    assert_eq!(clean_marked(0, &text, None).len(), clean(0, &text).len());
    // Its JSON (and so a link's) has no html field.
    assert!(!serde_json::to_string(&plain).unwrap().contains("html"));
}

#[test]
fn a_page_from_html_alone_has_spans_in_its_visible_text() {
    let (_, html) = page();
    let input = Input::from_html("page.html", html);
    let report = analyze(std::slice::from_ref(&input));
    let article = &report.articles[0];
    assert!(article.paragraphs.iter().all(|p| input.text.is_char_boundary(p.span.start) && p.span.end <= input.text.len()));
    assert!(article.paragraphs.iter().any(|p| p.span.of(&input.text).starts_with("The water utility")));
}

#[test]
fn markup_that_cannot_be_aligned_falls_back_to_the_text_rules() {
    let (text, _) = page();
    let unrelated = "<nav><p>Nothing of this paste is here at all, only other words entirely.</p></nav>";
    assert_eq!(format!("{:?}", clean_marked(0, &text, Some(unrelated))), format!("{:?}", clean(0, &text)));
}

#[test]
fn deep_nesting_is_bounded() {
    let depth = MAX_DEPTH * 40;
    let html = "<div><span>".repeat(depth) + "deep text" + &"</span></div>".repeat(depth);
    assert_eq!(visible_text(&html), "deep text");
    let unclosed = "<li><a>".repeat(20_000) + "x";
    assert_eq!(visible_text(&unclosed), "x");
}

#[test]
fn a_related_box_inside_the_article_does_not_end_it_when_the_markup_closes_the_box() {
    let before = "Engineers said on Monday that the new bridge would open to traffic next month after final load tests.";
    let after = "The project ran two years late, and its cost rose by a third, the city's transport office said in a statement.";
    let text = format!("Bridge to open next month\n\n{before}\n\nRelated links\nCity transport office\n{after}");
    let html = format!("<h1>Bridge to open next month</h1><p>{before}</p><aside><h3>Related links</h3><ul><li><a href=/t>City transport office</a></li></ul></aside><p>{after}</p>");
    let kept = |articles: Vec<wiretrace::clean::Article>| articles[0].paragraphs.iter().any(|p| p.of(&text) == after);
    assert!(!kept(clean(0, &text)), "the text alone reads the paragraph as the list's");
    assert!(kept(clean_marked(0, &text, Some(&html))), "the markup shows the list ended");
}

/// A story under its headline and a header line printing `header`, its markup the same with
/// `time` for the header's `<time>` elements.
fn timed_story(header: &str, header_html: &str) -> (String, String) {
    let body = "The harbour authority on Tuesday approved a new ferry terminal for the eastern docks, ending a review that lasted three years.\n\n\
        The terminal will cost 40 million euros and handle two million passengers a year, the authority said on Tuesday afternoon.";
    let text = format!("Harbour authority approves ferry terminal\n{header}\n\n{body}");
    let paragraphs: String = body.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
    (text, format!("<article><h1>Harbour authority approves ferry terminal</h1><div class=\"meta\">{header_html}</div>{paragraphs}</article>"))
}

fn published(text: &str, html: Option<&str>) -> Option<String> {
    let articles = clean_marked(0, text, html);
    articles[0].published.as_ref().map(|p| format!("{:?}", p.value))
}

#[test]
fn a_time_element_gives_a_printed_clock_its_zone_and_never_a_date_or_clock_it_lacks() {
    // The text prints a clock without a zone; the markup states its offset.
    let (text, html) = timed_story("November 19, 2019 10:30", "<time datetime=\"2019-11-19T10:30:00-05:00\">November 19, 2019 10:30</time>");
    assert_eq!(published(&text, None).unwrap(), "Zoneless(2019-11-19T10:30:00)");
    assert_eq!(published(&text, Some(&html)).unwrap(), "Instant { at: 2019-11-19T10:30:00-05:00, zone: Printed }");
    // A datetime that disagrees with the printed clock, or a printed date without a clock, stays as printed.
    let (text, html) = timed_story("November 19, 2019 10:30", "<time datetime=\"2019-11-19T15:30:00Z\">November 19, 2019 10:30</time>");
    assert_eq!(published(&text, Some(&html)).unwrap(), "Zoneless(2019-11-19T10:30:00)");
    let (text, html) = timed_story("November 19, 2019", "<time datetime=\"2019-11-19T10:30:00-05:00\">November 19, 2019</time>");
    assert_eq!(published(&text, Some(&html)).unwrap(), "Date(2019-11-19)");
    // No printed date: the markup's datetime alone invents none.
    let (text, html) = timed_story("By Ann Lee", "<span class=\"byline\">By Ann Lee</span><time datetime=\"2019-11-19T10:30:00-05:00\"></time>");
    assert_eq!(published(&text, Some(&html)), None);
}

#[test]
fn an_updated_time_never_replaces_the_published_one() {
    let (text, html) = timed_story(
        "Published November 19, 2019 10:30 Updated November 20, 2019 08:00",
        "Published <time datetime=\"2019-11-19T10:30:00+01:00\">November 19, 2019 10:30</time> \
         Updated <time datetime=\"2019-11-20T08:00:00+01:00\">November 20, 2019 08:00</time>",
    );
    assert_eq!(published(&text, Some(&html)).unwrap(), "Instant { at: 2019-11-19T10:30:00+01:00, zone: Printed }");
    let (text, html) = timed_story(
        "Updated November 20, 2019 08:00",
        "Updated <time datetime=\"2019-11-20T08:00:00+01:00\">November 20, 2019 08:00</time>",
    );
    let articles = clean_marked(0, &text, Some(&html));
    assert_eq!(format!("{:?}", articles[0].published.as_ref().unwrap().value), "Instant { at: 2019-11-20T08:00:00+01:00, zone: Printed }", "the only time printed");
}

#[test]
fn one_pasted_paragraph_is_one_article_with_its_claims_with_or_without_markup() {
    let text = "Current Chief Operating Officer Mike Butcher and Group Chief Financial Officer Alex Arena will report to So.";
    for input in [Input::new("p", text), Input::with_html("p", text, format!("<p>{text}</p>"))] {
        let report = analyze(&[input]);
        assert_eq!(report.articles.len(), 1);
        assert!(!report.claims.is_empty());
    }
}

#[test]
fn class_names_are_read_word_by_word_camel_case_too() {
    let html = "<div class=\"PromoSmall-content\"><div class=\"PromoSmall-title\"><a href=/a>Another story</a></div>\
        <div class=\"PromoSmall-description\">The summary of another story, written as a sentence.</div></div>\
        <div class=\"ArticleBody\"><p>The article's own paragraph, which holds most of the page's text and more of it.</p>\
        <p>A second paragraph of the article, so that the promotion box is a small part of the page.</p></div>";
    let found = blocks(html);
    let of = |text: &str| found.iter().find(|b| b.text.starts_with(text)).unwrap_or_else(|| panic!("no block {text}")).marks;
    assert!(of("Another story").chrome && of("The summary").chrome, "promo, from PromoSmall");
    assert!(!of("The article's own").chrome);
}

#[test]
fn a_sentence_the_markup_holds_only_as_a_pictures_alt_text_is_not_the_body() {
    let alt = "An artist's illustration of a plume of water vapour rising from the icy surface of the moon.";
    let paras = [
        "Scientists said on Monday that they had confirmed water vapour above the surface of the moon for the first time.",
        "The team used a telescope in Hawaii to measure the light of the vapour on seventeen nights over two years.",
        "The finding makes the moon a stronger candidate for a mission to look for signs of life in its ocean.",
        "A probe that will study the moon from orbit is due to launch in four years, the space agency said.",
    ];
    // (The markup covers the paste: most of its words are in the markup's text.)
    let text = format!("Water vapour found above the moon\n\n{}\n\n{alt}\n\n{}", paras[0], paras[1..].join("\n\n"));
    let html = format!("<h1>Water vapour found above the moon</h1><p>{}</p><img alt=\"{alt}\"><p>{}</p>", paras[0], paras[1..].join("</p><p>"));
    let kept = |articles: Vec<wiretrace::clean::Article>| articles[0].paragraphs.iter().any(|p| p.of(&text) == alt);
    assert!(kept(clean(0, &text)), "the text alone reads it as a paragraph");
    assert!(!kept(clean_marked(0, &text, Some(&html))), "the markup has no text for it");
}

#[test]
fn a_post_opening_on_a_lead_and_a_list_inside_the_articles_text_keeps_them() {
    let lead = "What is new in version 2.3?";
    let items = ["New levels for the game", "More puzzles for two players", "Better support for tablets"];
    let paras = [
        "The new version of the puzzle game came out this week, and it is free for everyone who bought an earlier one.",
        "Players who start a new game will see the new levels first, and the old ones stay open from the main menu.",
    ];
    let text = format!("Puzzle game 2.3 is out\nPosted by Sam\nLeave a comment\n{lead}\n{}\n{}", items.join("\n"), paras.join("\n"));
    let html = format!(
        "<h1>Puzzle game 2.3 is out</h1><div class=\"meta\">Posted by Sam <a href=#c>Leave a comment</a></div><div class=\"entry-content\"><p><strong>{lead}</strong></p><ul>{}</ul><p>{}</p></div>",
        items.map(|i| format!("<li>{i}</li>")).concat(),
        paras.join("</p><p>")
    );
    let kept = |articles: Vec<wiretrace::clean::Article>| -> Vec<String> { articles[0].paragraphs.iter().map(|p| p.of(&text).to_string()).collect() };
    assert_eq!(kept(clean(0, &text))[0], paras[0], "the text alone starts at the first paragraph");
    let marked = kept(clean_marked(0, &text, Some(&html)));
    assert_eq!(&marked[..4], [lead, items[0], items[1], items[2]], "the markup puts the lead and the list in the article's text");
}

/// A small deterministic generator (xorshift), so the reduced-form cases are the same each run.
struct Draw(u64);

impl Draw {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    /// Text of a few pieces, markup characters, entities and NULs among them.
    fn text(&mut self) -> String {
        const PIECES: [&str; 16] = ["word", " ", "Tom & Jerry", "<", ">", "\"", "'", "&amp;", "&copy", "é", "😀", "\0", "a\r\nb", "=", "</p>", "&lt"];
        (0..1 + self.below(4)).map(|_| self.pick(&PIECES)).collect()
    }

    /// An element as `web::markup::reduced` writes one (a tag of the browser's lower-case
    /// name, the attributes it keeps, escaped text), `depth` levels of children at most.
    fn element(&mut self, depth: usize, out: &mut String) {
        use wiretrace::clean::markup::READ_ATTRIBUTES;
        use wiretrace::clean::tokens::{end_tag, start_tag, text};
        const NAMES: [&str; 20] = [
            "p", "div", "a", "li", "ul", "nav", "h2", "time", "figcaption", "section", "textarea", "xmp", "plaintext",
            "noembed", "noframe", "noframes", "my-el", "a<b", "x\"y=z", "xé",
        ];
        let name = self.pick(&NAMES);
        if self.below(8) == 0 {
            out.push_str(&start_tag(self.pick(&["br", "hr"]), []));
            return;
        }
        let mut attributes: Vec<(&str, String)> = Vec::new();
        for key in READ_ATTRIBUTES {
            if self.below(3) == 0 {
                attributes.push((key, self.text()));
            }
        }
        out.push_str(&start_tag(name, attributes.iter().map(|(key, value)| (*key, value.as_str()))));
        // The browser gives these elements text alone.
        let text_only = ["textarea", "xmp", "plaintext", "noembed", "noframe", "noframes"].contains(&name);
        for _ in 0..self.below(4) {
            if depth == 0 || text_only || self.below(2) == 0 {
                out.push_str(&text(&self.text()));
            } else {
                self.element(depth - 1, out);
            }
        }
        out.push_str(&end_tag(name));
    }
}

#[test]
fn the_reduced_forms_reader_gives_html5gums_tokens_whole_or_cut_short() {
    use wiretrace::clean::tokens::{html, reduced};
    let mut draw = Draw(0x5eed_1234_abcd_ef01);
    for case in 0..3000 {
        let mut markup = String::new();
        for _ in 0..1 + draw.below(3) {
            draw.element(3, &mut markup);
        }
        assert_eq!(reduced(&markup), html(&markup), "case {case}: {markup:?}");
        // The page cuts markup to the paste limit, anywhere between two characters.
        let cuts: Vec<usize> = markup.char_indices().map(|(at, _)| at).filter(|_| draw.below(8) == 0).collect();
        for cut in cuts {
            assert_eq!(reduced(&markup[..cut]), html(&markup[..cut]), "case {case} cut at {cut}: {:?}", &markup[..cut]);
        }
    }
}

#[test]
fn the_reduced_forms_reader_never_panics_on_other_markup() {
    use wiretrace::clean::tokens::reduced;
    for markup in ["<", "</", "</>", "<!--", "<p class=", "<p class='a", "<p a=b>", "<1>", "&", "&am", "<a\0b c\0=\"\0\">\0</a\0b>", "<textarea>x</texta", "<xmp>é</xmpé", "<p =x>"] {
        reduced(markup);
        reduced(&format!("{markup}{markup}é"));
    }
    let (_, page) = page();
    assert!(!blocks_of(reduced(&page)).is_empty(), "a raw page still gives blocks");
}

#[test]
fn cards_of_other_stories_stay_out_when_their_summaries_are_paragraphs_under_linked_headings() {
    let story = "The regional council approved the expansion of the container port on Monday after a review that lasted almost three years.";
    let cards = [
        ("Ferry timetable changes for the winter season", "The island ferry will run four times a day from November, down from six, the operator said."),
        ("School meals contract goes to local farms", "The district will buy vegetables and milk from farms within fifty miles under a new contract."),
        ("How to prepare your garden for the first frost", "Cover young plants at night and move pots close to a wall, gardeners at the society advise."),
        ("Museum reopens its maritime hall after repairs", "The hall's model ships are back on show after a leak in the roof closed it for the summer."),
    ];
    let text = format!("Port expansion approved\n\n{story}\n\n{}", cards.map(|(h, s)| format!("{h}\n{s}")).join("\n"));
    let html = format!(
        "<h1>Port expansion approved</h1><p>{story}</p>{}",
        cards.map(|(h, s)| format!("<div><h3><a href=/x>{h}</a></h3><p>{s}</p></div>")).concat()
    );
    let summaries = |articles: Vec<wiretrace::clean::Article>| articles[0].paragraphs.iter().filter(|p| cards.iter().any(|(_, s)| p.of(&text) == *s)).count();
    assert_eq!(summaries(clean(0, &text)), 0, "the text alone sees the cards");
    assert_eq!(summaries(clean_marked(0, &text, Some(&html))), 0, "the markup does not read them as the article resuming");
}

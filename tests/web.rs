//! The page's glue, tested in headless Chromium (`cargo test --target wasm32-unknown-unknown
//! --test web`): permalinks through the real address bar, the reducer's transitions, the state
//! a visit opens with, and drafts in the real local storage. Natively this file compiles to
//! nothing.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use wiretrace::web::app::opening_state;
use wiretrace::web::state::{Action, Drafts, Phase, SharedReport, State, MAX_PASTE_BYTES};
use wiretrace::web::{browser, drafts, example, worker};
use wiretrace::{analyze, permalink, Input};

wasm_bindgen_test_configure!(run_in_browser);

fn texts(state: &State) -> Vec<(&str, &str)> {
    state.pastes.iter().map(|p| (p.name.as_str(), &*p.text)).collect()
}

/// The state once the worker answered the link being opened, as the page's worker does
/// ([`worker::decode_link`]): with the link's pastes (their markup reduced, as the page
/// reduces it), or its refusal.
fn worker_answers(state: State) -> State {
    let (Some(fragment), Some(run)) = (state.link_to_open(), state.queued_run()) else { return state };
    match worker::decode_link(&fragment) {
        Ok(inputs) => {
            let inputs = inputs.into_iter().map(wiretrace::web::markup::with_reduced_markup).collect();
            state.apply(Action::LinkDecoded { run, inputs })
        }
        Err(reason) => state.apply(Action::LinkRefused { run, reason }),
    }
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// This test page's tab id, as the drafts keep it in session storage.
fn this_tab() -> String {
    drafts::load();
    let session = web_sys::window().unwrap().session_storage().unwrap().unwrap();
    session.get_item("wiretrace.tab").unwrap().expect("a tab id")
}

fn hostile_inputs() -> Vec<Input> {
    vec![
        Input::new("ünïcode <b>name</b>", "<script>window.__pwned=1</script> 新华社 «quoted» \u{1F600}\r\n"),
        Input::new("", ""),
    ]
}

#[wasm_bindgen_test]
fn permalink_round_trips_through_the_address_bar() {
    for inputs in [example::inputs(), hostile_inputs()] {
        let fragment = permalink::encode(&inputs);
        browser::show_fragment(Some(&fragment));
        assert_eq!(browser::fragment(), fragment);
        assert_eq!(permalink::decode(&browser::fragment()).unwrap(), inputs);
        assert_eq!(browser::address_with_fragment(&fragment).rsplit_once('#').unwrap().1, fragment);
    }
    browser::show_fragment(None);
    assert_eq!(browser::fragment(), "");
}

#[wasm_bindgen_test]
fn opening_a_link_restores_its_pastes_and_queues_an_analysis() {
    let fragment = permalink::encode(&example::inputs());
    let opening = State::default().apply(Action::OpenLink(format!("#{fragment}")));
    // The page hands the fragment to the worker and shows its pastes once decoded there.
    assert_eq!(opening.link_to_open().as_deref(), Some(fragment.as_str()));
    assert_eq!(texts(&opening), [("Paste 1", "")]);
    let run = opening.queued_run();
    let state = worker_answers(opening);
    assert_eq!(state.inputs(), example::inputs());
    assert_eq!(state.link_to_open(), None, "the decoded pastes are analysed as pastes");
    assert!(state.queued_run().is_some_and(|next| Some(next) != run), "as a run of their own");
    assert_eq!(state.link.as_deref(), Some(fragment.as_str()));
    assert_eq!(state.drafts(), Drafts::Unchanged, "someone's link must not overwrite one's drafts");
    assert!(state.queued_run().is_some());
    // The address bar echoing the same link back changes nothing.
    let again = state.clone().apply(Action::OpenLink(fragment));
    assert_eq!(again, state);
}

#[wasm_bindgen_test]
fn a_damaged_link_keeps_the_pastes_and_says_why_plainly() {
    let fragment = permalink::encode(&example::inputs());
    let damaged = &fragment[..fragment.len() - 9];
    let before = State::with_inputs(&[Input::new("mine", "my draft")]);
    let after = worker_answers(before.clone().apply(Action::OpenLink(damaged.to_string())));
    assert_eq!(texts(&after), texts(&before));
    assert_eq!(after.notice, Some(permalink::decode(damaged).unwrap_err().to_string()));
    assert_eq!(after.queued_run(), None);
}

#[wasm_bindgen_test]
fn a_refused_link_puts_back_the_report_and_a_late_answer_is_ignored() {
    let fragment = permalink::encode(&example::inputs());
    let damaged = &fragment[..fragment.len() - 9];
    let done = example_state_analysed();
    let refused = worker_answers(done.clone().apply(Action::OpenLink(damaged.to_string())));
    assert_eq!((&refused.phase, &refused.pastes), (&done.phase, &done.pastes), "the report shown before stays");
    assert_eq!(refused.notice, Some(permalink::decode(damaged).unwrap_err().to_string()));

    // An edit while the link is decoded stops its run: the worker's late answer changes nothing.
    let opening = State::default().apply(Action::OpenLink(fragment.clone()));
    let run = opening.queued_run().unwrap();
    let id = opening.pastes[0].id;
    let edited = opening.apply(Action::Edit(id, "my own text".into()));
    assert_eq!((edited.queued_run(), edited.link_to_open()), (None, None));
    let late = edited.clone().apply(Action::LinkDecoded { run, inputs: example::inputs() });
    assert_eq!(late, edited);
    // So does a cancel.
    let cancelled = State::default().apply(Action::OpenLink(fragment)).apply(Action::Cancel);
    assert_eq!(cancelled.clone().apply(Action::LinkRefused { run, reason: "no".into() }), cancelled);
}

/// The example, analysed: its report shown.
fn example_state_analysed() -> State {
    let state = State::default().apply(Action::LoadExample).apply(Action::Analyze);
    let run = state.queued_run().unwrap();
    state.apply(Action::Finished { run, report: example_report(), millis: 1.0 })
}

#[wasm_bindgen_test]
fn pastes_are_added_renamed_edited_and_removed() {
    let state = State::default().apply(Action::AddPaste).apply(Action::AddPaste);
    assert_eq!(texts(&state), [("Paste 1", ""), ("Paste 2", ""), ("Paste 3", "")]);
    let [first, second, third] = [0, 1, 2].map(|i| state.pastes[i].id);
    let state = state
        .apply(Action::Rename(second, "wire.txt".into()))
        .apply(Action::Edit(second, "text".into()))
        .apply(Action::RemovePaste(first))
        .apply(Action::AddPaste);
    assert_eq!(texts(&state), [("wire.txt", "text"), ("Paste 3", ""), ("Paste 1", "")]);
    // Ids are never reused, so the list keys stay stable.
    assert!(state.pastes.iter().all(|p| p.id != first));
    let state = state.apply(Action::RemovePaste(second)).apply(Action::RemovePaste(third));
    let last = state.pastes[0].id;
    let state = state.apply(Action::RemovePaste(last));
    assert_eq!(texts(&state), [("Paste 1", "")], "removing the last paste leaves an empty one");
}

#[wasm_bindgen_test]
fn an_analysis_runs_once_and_edits_make_it_stale() {
    let empty = State::default().apply(Action::Analyze);
    assert!(empty.notice.is_some() && empty.queued_run().is_none(), "nothing to analyse");

    let state = State::default().apply(Action::LoadExample).apply(Action::Analyze);
    let run = state.queued_run().expect("queued");
    let json = analyze(&state.inputs()).to_json();
    let report = SharedReport::from_json(json.clone()).unwrap();
    assert_eq!(report.json(), json, "the download offers the analysis's own bytes");
    assert_eq!(report.to_json(), json, "the report shown is the report analysed");
    let done = state.clone().apply(Action::Finished { run, report: report.clone(), millis: 3.0 });
    assert_eq!(done.phase, Phase::Done { report: report.clone(), millis: 3.0 });

    // An edit while the analysis runs makes its result stale: it is dropped when it arrives.
    let id = state.pastes[0].id;
    let edited = state.apply(Action::Edit(id, "changed".into()));
    assert_eq!(edited.phase, Phase::Idle);
    let late = edited.clone().apply(Action::Finished { run, report, millis: 3.0 });
    assert_eq!(late.phase, Phase::Idle);
}

#[wasm_bindgen_test]
fn cancel_stops_the_run_under_way_and_its_late_report_is_ignored() {
    let state = State::default().apply(Action::LoadExample).apply(Action::Analyze);
    let run = state.queued_run().expect("queued");
    let cancelled = state.apply(Action::Cancel);
    assert_eq!(cancelled.phase, Phase::Cancelled);
    assert_eq!(cancelled.queued_run(), None, "the worker is stopped when the run is no longer under way");
    let report = SharedReport::from_json(analyze(&cancelled.inputs()).to_json()).unwrap();
    let late = cancelled.clone().apply(Action::Finished { run, report, millis: 1.0 });
    assert_eq!(late.phase, Phase::Cancelled);
    // Cancelling when nothing runs changes nothing; analysing again starts a new run.
    assert_eq!(cancelled.clone().apply(Action::Cancel), cancelled);
    let again = cancelled.apply(Action::Analyze);
    assert!(again.queued_run().is_some_and(|next| next != run));
}

#[wasm_bindgen_test]
fn a_failed_run_says_why_and_leaves_the_pastes() {
    let state = State::default().apply(Action::LoadExample).apply(Action::Analyze);
    let run = state.queued_run().expect("queued");
    let stale = state.clone().apply(Action::Failed { run: run + 1, reason: "elsewhere".into() });
    assert_eq!(stale, state, "a run that is not under way cannot fail it");
    let failed = state.apply(Action::Failed { run, reason: "the analysis failed (unreachable)".into() });
    assert_eq!(failed.phase, Phase::Idle);
    assert!(failed.notice.as_deref().unwrap_or_default().contains("the analysis failed (unreachable)"));
    assert_eq!(failed.inputs(), example::inputs());
    assert!(SharedReport::from_json("{not a report".into()).is_err());
}

#[wasm_bindgen_test]
fn share_makes_the_link_of_the_pastes_and_an_edit_clears_it() {
    let state = State::with_inputs(&hostile_inputs()).apply(Action::Share);
    assert_eq!(state.link, Some(permalink::encode(&hostile_inputs())));
    let id = state.pastes[1].id;
    let edited = state.apply(Action::Rename(id, "x".into()));
    assert_eq!(edited.link, None);
    assert_eq!(edited.drafts().inputs(), Some(edited.inputs()), "edited pastes are one's own drafts");
}

#[wasm_bindgen_test]
fn an_oversized_paste_is_cut_with_a_plain_message() {
    let state = State::default();
    let id = state.pastes[0].id;
    let huge = "é".repeat(MAX_PASTE_BYTES / 2 + 1);
    let state = state.apply(Action::Edit(id, huge.into()));
    assert!(state.pastes[0].text.len() <= MAX_PASTE_BYTES);
    assert!(state.cut_notice.as_deref().unwrap_or_default().contains("5 MB"));
    // Another message (the drafts too large to save, say) does not hide that the paste was cut.
    let state = state.apply(Action::DraftsNotSaved("storage is full".into())).apply(Action::Analyze);
    assert!(state.notice.is_some());
    assert!(state.cut_notice.as_deref().unwrap_or_default().contains("5 MB"));
    assert_eq!(state.apply(Action::DismissCutNotice).cut_notice, None);
}

#[wasm_bindgen_test]
fn drafts_survive_in_local_storage() {
    drafts::save(&hostile_inputs()).unwrap();
    assert_eq!(drafts::load(), Some(hostile_inputs()));
    // Something unreadable under the key is ignored, not trusted.
    let storage = local_storage();
    let key = drafts::TabDrafts::for_tab(&this_tab()).key();
    storage.set_item(&key, "{not json").unwrap();
    assert_eq!(drafts::load(), None);
    drafts::forget();
    assert_eq!(drafts::load(), None);
}

#[wasm_bindgen_test]
fn the_example_is_the_five_seeds_and_yields_claims() {
    let inputs = example::inputs();
    assert_eq!(inputs.len(), 5);
    assert!(inputs.iter().all(|i| i.name.ends_with(".txt") && !i.text.is_empty()));
    assert!(!analyze(&inputs).claims.is_empty());
}

#[wasm_bindgen_test]
fn a_long_share_link_comes_with_a_plain_warning() {
    use wiretrace::web::share_box::length_warning;
    assert_eq!(length_warning(2_000), None);
    assert!(length_warning(50_000).is_some_and(|w| w.contains("49 KB") && w.contains("may cut")));
    assert!(length_warning(3 * 1024 * 1024).is_some_and(|w| w.contains("3.0 MB") && w.contains("too long for browsers")));
}

#[wasm_bindgen_test]
fn a_first_visit_opens_on_the_example_analysed_and_saves_no_drafts() {
    let state = opening_state("", None);
    assert_eq!(state, State::default().apply(Action::LoadExample).apply(Action::Analyze), "as if both were pressed");
    assert_eq!(state.inputs(), example::inputs());
    assert!(state.queued_run().is_some(), "the example is analysed without pressing anything");
    assert_eq!(state.link, None);
    assert_eq!(state.notice, None);
    assert_eq!(state.drafts(), Drafts::Forget, "the example is not the person's draft");
    // Once the person edits the example it is theirs, and kept.
    let id = state.pastes[0].id;
    let edited = state.apply(Action::Rename(id, "mine.txt".into()));
    assert_eq!(edited.drafts().inputs(), Some(edited.inputs()));
    assert_eq!(edited.queued_run(), None);
}

#[wasm_bindgen_test]
fn a_visit_with_drafts_or_a_link_opens_on_them() {
    let own = vec![Input::new("mine", "my draft")];
    let state = opening_state("", Some(own.clone()));
    assert_eq!(state.inputs(), own);
    assert_eq!(state.queued_run(), None, "drafts are not analysed on opening");
    assert_eq!(state.drafts().inputs(), Some(own.clone()));

    let emptied = opening_state("", Some(Vec::new()));
    assert_eq!(texts(&emptied), [("Paste 1", "")], "a page the person emptied stays empty");
    assert_eq!(emptied.queued_run(), None);
    assert_eq!(emptied.drafts().inputs(), Some(Vec::new()));

    let fragment = permalink::encode(&hostile_inputs());
    for saved in [None, Some(own.clone())] {
        let state = worker_answers(opening_state(&fragment, saved));
        assert_eq!(state.inputs(), hostile_inputs());
        assert!(state.queued_run().is_some());
        assert_eq!(state.drafts(), Drafts::Unchanged);
    }

    // A damaged link keeps the drafts, or with none shows an empty page (and no example) that
    // is not saved as the person's.
    let damaged = &fragment[..fragment.len() - 9];
    assert!(permalink::decode(damaged).is_err());
    let kept = worker_answers(opening_state(damaged, Some(own.clone())));
    assert_eq!((kept.inputs(), kept.queued_run(), kept.notice.is_some()), (own, None, true));
    let blank = worker_answers(opening_state(damaged, None));
    assert_eq!((texts(&blank), blank.queued_run(), blank.notice.is_some()), (vec![("Paste 1", "")], None, true));
    assert_eq!(blank.drafts(), Drafts::Forget);
}

#[wasm_bindgen_test]
fn clear_all_empties_the_pastes_and_the_report_and_offers_to_undo() {
    let state = opening_state("", None);
    let run = state.queued_run().expect("queued");
    let report = SharedReport::from_json(analyze(&state.inputs()).to_json()).unwrap();
    let done = state.clone().apply(Action::Finished { run, report: report.clone(), millis: 2.0 }).apply(Action::Share);
    assert!(matches!(done.phase, Phase::Done { .. }) && done.link.is_some());

    for before in [state, done] {
        let cleared = before.apply(Action::ClearAll);
        assert_eq!(texts(&cleared), [("Paste 1", "")]);
        assert_eq!(cleared.phase, Phase::Idle, "no report, and the run under way is stopped");
        assert_eq!(cleared.queued_run(), None);
        assert_eq!(cleared.link, None);
        assert_eq!(cleared.notice.as_deref(), Some("Cleared 5 pastes."));
        assert!(cleared.can_undo());
        assert_eq!(cleared.drafts().inputs(), Some(Vec::new()), "the emptied page is recorded");
        // A late report of the run before is dropped, and the offer to undo stays.
        let late = cleared.clone().apply(Action::Finished { run, report: report.clone(), millis: 2.0 });
        assert_eq!(late.phase, Phase::Idle);
        assert!(late.can_undo());
        // What is recorded opens the same empty page, and loading the example again forgets it.
        let reopened = opening_state("", Some(Vec::new()));
        assert_eq!(texts(&reopened), texts(&cleared));
        assert_eq!(reopened.notice, None);
        assert_eq!(cleared.apply(Action::LoadExample).drafts(), Drafts::Forget);
    }
}

#[wasm_bindgen_test]
fn undo_after_clear_all_restores_the_pastes_report_and_link_without_analysing() {
    let state = State::with_inputs(&example::inputs()).apply(Action::Analyze);
    let run = state.queued_run().expect("queued");
    let report = SharedReport::from_json(analyze(&state.inputs()).to_json()).unwrap();
    let before = state.apply(Action::Finished { run, report, millis: 2.0 }).apply(Action::Share);
    assert!(matches!(before.phase, Phase::Done { .. }) && before.link.is_some());

    let cleared = before.clone().apply(Action::ClearAll);
    // A second "Clear all" of the emptied page keeps the offer to undo the first.
    let twice = cleared.clone().apply(Action::ClearAll);
    assert!(twice.can_undo() && twice.notice == cleared.notice);
    let restored = twice.apply(Action::UndoClear);
    assert_eq!(restored.pastes, before.pastes, "the same pastes, ids included");
    assert_eq!(restored.phase, before.phase, "the same report, not analysed again");
    assert_eq!(restored.queued_run(), None);
    assert_eq!(restored.link, before.link);
    assert_eq!(restored.notice, None);
    assert!(!restored.can_undo());
    // Undo is offered once.
    assert_eq!(restored.clone().apply(Action::UndoClear), restored);

    // An analysis under way when the page was cleared is not started again by Undo.
    let running = State::with_inputs(&example::inputs()).apply(Action::Analyze);
    let undone = running.clone().apply(Action::ClearAll).apply(Action::UndoClear);
    assert_eq!(undone.inputs(), running.inputs());
    assert_eq!((&undone.phase, undone.queued_run()), (&Phase::Idle, None));
}

#[wasm_bindgen_test]
fn a_change_after_clear_all_withdraws_the_undo() {
    let cleared = State::with_inputs(&[Input::new("mine", "my draft")]).apply(Action::ClearAll);
    assert_eq!(cleared.notice.as_deref(), Some("Cleared 1 paste."));
    let id = cleared.pastes[0].id;
    let changes = [
        Action::Edit(id, "new text".into()),
        Action::Rename(id, "new name".into()),
        Action::AddPaste,
        Action::RemovePaste(id),
        Action::LoadExample,
        Action::Analyze,
        Action::OpenLink(permalink::encode(&hostile_inputs())),
        Action::DismissNotice,
    ];
    for change in changes {
        let changed = cleared.clone().apply(change.clone());
        assert!(!changed.can_undo(), "{change:?} keeps the undo");
        assert_ne!(changed.notice.as_deref(), Some("Cleared 1 paste."), "{change:?} keeps the notice");
        let undone = changed.clone().apply(Action::UndoClear);
        assert_eq!(undone, changed, "Undo after {change:?} changes the page");
    }
    // What changes neither the pastes nor the analysis keeps it.
    for kept in [Action::Share, Action::Cancel, Action::DraftsNotSaved("full".into())] {
        let after = cleared.clone().apply(kept.clone());
        assert!(after.can_undo(), "{kept:?} drops the undo");
        assert_eq!(after.notice, cleared.notice, "{kept:?} replaces the offer");
    }
    // A page with no text is cleared without an offer to undo.
    let blank = State::with_inputs(&[Input::new("a", " "), Input::new("b", "")]).apply(Action::ClearAll);
    assert_eq!((texts(&blank), blank.notice.as_deref(), blank.can_undo()), (vec![("Paste 1", "")], None, false));
}

#[wasm_bindgen_test]
fn drafts_after_undo_are_the_restored_pastes() {
    let own = vec![Input::new("mine", "my draft"), Input::new("notes", "more")];
    let cleared = opening_state("", Some(own.clone())).apply(Action::ClearAll);
    assert_eq!(cleared.drafts().inputs(), Some(Vec::new()));
    let restored = cleared.apply(Action::UndoClear);
    assert_eq!(restored.drafts().inputs(), Some(own.clone()));
    // The example, unedited, is again not the person's: the emptied page's record is forgotten.
    let example = opening_state("", None).apply(Action::ClearAll).apply(Action::UndoClear);
    assert_eq!(example.drafts(), Drafts::Forget);
    // Saved, the restored drafts open the same pastes on the next visit.
    if let Some(saved) = restored.drafts().inputs() {
        drafts::save(&saved).unwrap();
    }
    assert_eq!(opening_state("", drafts::load()).inputs(), own);
    drafts::forget();
}

#[wasm_bindgen_test]
fn drafts_record_an_emptied_page_but_not_an_untouched_one() {
    drafts::save(&[]).unwrap();
    assert_eq!(drafts::load(), Some(Vec::new()), "an emptied page stays empty");
    // Earlier pages saved their untouched empty paste on every visit: that does not keep the
    // example from opening.
    drafts::save(&[Input::new("Paste 1", ""), Input::new("Paste 2", " \n")]).unwrap();
    assert_eq!(drafts::load(), None);
    drafts::save(&[Input::new("Paste 1", ""), Input::new("notes", "x")]).unwrap();
    assert_eq!(drafts::load().map(|saved| saved.len()), Some(2));
    drafts::forget();
    assert_eq!(drafts::load(), None);
}

#[wasm_bindgen_test]
fn each_tab_keeps_its_own_drafts() {
    let (a, b) = (drafts::TabDrafts::for_tab("test-a"), drafts::TabDrafts::for_tab("test-b"));
    let (mine, theirs) = (vec![Input::new("a", "tab a's draft")], vec![Input::new("b", "tab b's draft")]);
    a.save(&mine).unwrap();
    b.save(&theirs).unwrap();
    assert_eq!((a.load(), b.load()), (Some(mine.clone()), Some(theirs.clone())), "the last write does not win");
    // A new tab starts from a copy of the most recent drafts, and saving it changes neither;
    // a reloaded tab with no drafts of its own opens none.
    assert_eq!(drafts::TabDrafts::for_tab("test-reloaded").load(), None);
    let new = drafts::TabDrafts::for_new_tab("test-new");
    // (Both were saved within the same millisecond or two: either is the latest.)
    let copied = new.load();
    assert!(copied == Some(theirs.clone()) || copied == Some(mine.clone()), "a new tab opened {copied:?}");
    new.save(&[Input::new("n", "new tab's draft")]).unwrap();
    assert_eq!((a.load(), b.load()), (Some(mine), Some(theirs)));
    for tab in [a, b, new] {
        tab.forget();
    }
}

#[wasm_bindgen_test]
fn a_duplicated_tab_does_not_overwrite_the_original() {
    // A duplicated tab inherits its session storage, so its page loads with the same tab id.
    let original = drafts::TabDrafts::for_tab("test-dup");
    let first = vec![Input::new("a", "before duplicating")];
    original.save(&first).unwrap();
    let duplicate = drafts::TabDrafts::for_tab("test-dup");
    assert_eq!(duplicate.load(), Some(first.clone()));
    let edited = vec![Input::new("a", "the original, edited after duplicating")];
    original.save(&edited).unwrap();
    assert_ne!(original.key(), duplicate.key(), "the original moved to a key of its own");
    assert_eq!(duplicate.load(), Some(first), "the duplicate's drafts are untouched");
    assert_eq!(original.load(), Some(edited));
    // Forgetting never removes drafts another page claimed.
    let stale = drafts::TabDrafts::for_tab("test-dup");
    stale.load();
    duplicate.forget();
    assert!(local_storage().get_item(&stale.key()).unwrap().is_some());
    for tab in [original, stale] {
        tab.forget();
    }
}

#[wasm_bindgen_test]
fn drafts_too_large_to_save_say_so_and_leave_no_stale_copy() {
    let tab = drafts::TabDrafts::for_tab("test-quota");
    tab.save(&[Input::new("a", "an earlier draft")]).unwrap();
    // Browsers keep about 5 MB per site; this is more than any allows.
    let reason = tab.save(&[Input::new("a", "x".repeat(24 << 20))]).unwrap_err();
    assert!(reason.contains("too large"), "{reason}");
    assert_eq!(local_storage().get_item(&tab.key()).unwrap(), None, "the earlier draft is gone, not left stale");
    assert_eq!(tab.load(), None);
    let state = State::with_inputs(&[Input::new("a", "x")]).apply(Action::DraftsNotSaved(reason));
    assert!(state.notice.as_deref().unwrap_or_default().contains("not saved"));
}

#[wasm_bindgen_test]
fn saves_wait_for_quiet_and_only_the_last_is_made() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let made = Rc::new(RefCell::new(Vec::new()));
    let save = |n: u32| {
        let made = made.clone();
        drafts::save_soon(move || made.borrow_mut().push(n))
    };
    let first = save(1);
    drop(first);
    let _second = save(2);
    assert!(made.borrow().is_empty(), "nothing is written before the wait is over");
    drafts::flush();
    drafts::flush();
    assert_eq!(*made.borrow(), vec![2]);
}

#[wasm_bindgen_test]
fn pastes_share_their_text_rather_than_copy_it() {
    let state = State::with_inputs(&[Input::new("a", "x".repeat(1 << 20))]);
    let drafts = state.drafts();
    let again = state.clone().apply(Action::Rename(state.pastes[0].id, "b".into()));
    let Drafts::Save(saved) = drafts else { panic!("one's own pastes are saved") };
    assert!(std::rc::Rc::ptr_eq(&saved[0].text, &state.pastes[0].text));
    assert!(std::rc::Rc::ptr_eq(&again.pastes[0].text, &state.pastes[0].text));
}

// ---- issue 16: the page people prefer ------------------------------------------------------

use wiretrace::web::claim_card::{segments, Mark};
use wiretrace::web::file_opener::{kind_of, paste_of, FileKind};
use wiretrace::web::markup::visible_text;
use wiretrace::Span;

#[wasm_bindgen_test]
fn opened_files_replace_the_example_and_refusals_are_said_plainly() {
    let example = State::default().apply(Action::LoadExample);
    let files = vec![Input::new("wire.txt", "MOSCOW (Reuters) - Putin said 430 soldiers were captured.")];
    let refused = vec![kind_of("page.pdf", "application/pdf", 10.0).unwrap_err()];
    let state = example.apply(Action::OpenFiles { files: files.clone(), refused });
    assert_eq!(state.inputs(), files, "the example gives way to the person's files");
    assert!(state.notice.as_deref().is_some_and(|n| n.contains("“page.pdf” was not opened")), "{:?}", state.notice);
    assert_eq!(state.drafts().inputs(), Some(files.clone()), "the files are the drafts");
    // Own pastes are kept and the files added after them.
    let more = state.apply(Action::OpenFiles { files: vec![Input::new("b.txt", "more")], refused: vec![] });
    assert_eq!(texts(&more).iter().map(|t| t.0).collect::<Vec<_>>(), ["wire.txt", "b.txt"]);
    // Nothing readable changes nothing but the notice.
    let same = more.clone().apply(Action::OpenFiles { files: vec![], refused: vec![kind_of("x.png", "image/png", 1.0).unwrap_err()] });
    assert_eq!(same.pastes, more.pastes);
    assert!(same.notice.unwrap().contains("only text files (.txt) and web pages (.html, .htm)"));
}

#[wasm_bindgen_test]
fn only_text_files_and_web_pages_within_the_limit_are_accepted() {
    assert_eq!(kind_of("Story.TXT", "text/plain", 100.0), Ok(FileKind::Text));
    assert_eq!(kind_of("notes", "text/plain", 100.0), Ok(FileKind::Text));
    assert_eq!(kind_of("page.htm", "text/html", 100.0), Ok(FileKind::Html));
    assert_eq!(kind_of("Page.HTML", "", 100.0), Ok(FileKind::Html));
    assert!(kind_of("report.pdf", "application/pdf", 100.0).unwrap_err().contains("“report.pdf” was not opened"));
    assert!(kind_of("page.xhtml", "application/xhtml+xml", 100.0).is_err());
    assert!(kind_of("big.txt", "text/plain", (MAX_PASTE_BYTES + 1) as f64).unwrap_err().contains("larger than 5 MB"));
    assert!(kind_of("big.html", "text/html", (MAX_PASTE_BYTES + 1) as f64).is_err());
}

#[wasm_bindgen_test]
fn a_web_page_becomes_its_visible_text_and_nothing_in_it_runs() {
    let page = "<html><head><title>Tab title</title><style>p { color: red }</style>\
        <script>window.__ran = 1</script></head><body>\
        <h1>Quake hits   coast</h1><img src=x onerror=\"window.__ran = 2\">\
        <p>TOKYO (Reuters) - A magnitude 6.1 quake\nstruck on Monday.</p>\
        <div>Second<br>line &amp; more</div><noscript>no script</noscript>\
        <svg><text>drawn</text></svg><template><p>unused</p></template></body></html>";
    let text = visible_text(page);
    assert_eq!(text, "Quake hits coast\n\nTOKYO (Reuters) - A magnitude 6.1 quake struck on Monday.\n\nSecond\n\nline & more");
    let ran = js_sys::Reflect::get(&js_sys::global(), &"__ran".into()).unwrap();
    assert!(ran.is_undefined(), "markup in an opened page ran: {ran:?}");
    let opened = paste_of("page.html".into(), FileKind::Html, page.into());
    assert_eq!(opened, Input::with_html("page.html", text, wiretrace::web::markup::reduced(page)));
    assert!(!opened.html.as_ref().unwrap().contains("__ran"), "{:?}", opened.html);
    let plain = paste_of("a.txt".into(), FileKind::Text, page.into());
    assert_eq!(plain.text, page, "a text file is taken as it is, markup and all");
}

#[wasm_bindgen_test]
fn a_mention_is_cut_into_shared_wording_and_differing_figures() {
    let text = "Putin said 430 soldiers were captured near Kursk";
    let shared = [Span::new(0, 10), Span::new(11, 23), Span::new(43, 48)];
    let figures = [Span::new(11, 14)];
    let pieces = segments(text, &shared, &figures);
    assert_eq!(
        pieces,
        [
            ("Putin said", Mark::Shared),
            (" ", Mark::Plain),
            ("430", Mark::Differs),
            (" soldiers", Mark::Shared),
            (" were captured near ", Mark::Plain),
            ("Kursk", Mark::Shared),
        ]
    );
    assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text, "nothing lost or repeated");
    // Spans past the text or inside a character cut nowhere and never panic.
    let odd = segments("«é»", &[Span::new(1, 3), Span::new(0, 99)], &[]);
    assert_eq!(odd.iter().map(|p| p.0).collect::<String>(), "«é»");
}

fn example_report() -> SharedReport {
    SharedReport::from_json(analyze(&example::inputs()).to_json()).unwrap()
}

/// Renders `html` into a fresh `<div>` of the document and lets yew draw it.
async fn rendered(html: yew::Html) -> web_sys::Element {
    #[derive(yew::Properties, PartialEq)]
    struct Props {
        html: yew::Html,
    }
    #[yew::function_component]
    fn Holder(props: &Props) -> yew::Html {
        props.html.clone()
    }
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<Holder>::with_root_and_props(root.clone(), Props { html }).render();
    yew::platform::time::sleep(std::time::Duration::from_millis(50)).await;
    root
}

#[wasm_bindgen_test]
async fn the_verdict_names_the_top_agencies_and_each_article_share() {
    use wiretrace::web::verdict_panel::VerdictPanel;
    let report = example_report();
    let root = rendered(yew::html! { <VerdictPanel report={report.clone()} /> }).await;
    let text = root.text_content().unwrap();
    assert!(text.contains(&report.verdict.summary), "{text}");
    let top = &report.verdict.agencies[0];
    assert!(text.contains(&format!("{}{} shared claims", top.agency, top.claims)), "{text}");
    let shares = root.query_selector_all(".article-verdict .share strong").unwrap();
    assert_eq!(shares.length() as usize, report.articles.len());
    let first = &report.verdict.articles[0];
    assert_eq!(shares.item(0).unwrap().text_content().unwrap(), format!("{}%", (first.agency_share * 100.0).round()));
}

#[wasm_bindgen_test]
async fn the_report_shows_a_timeline_side_by_side_mentions_and_plain_reasons() {
    use wiretrace::web::results::Results;
    let report = example_report();
    let root = rendered(yew::html! { <Results report={report.clone()} millis={1.0} ondownload={|_| ()} onprint={|_| ()} /> }).await;
    let count = |css: &str| root.query_selector_all(css).unwrap().length() as usize;
    assert_eq!(count("svg#timeline .timeline-row"), report.articles.len());
    let undated = report.articles.iter().filter(|a| a.published.is_none()).count();
    assert_eq!(count("svg#timeline .timeline-row.undated"), undated);
    assert!(root.query_selector("svg#timeline").unwrap().unwrap().text_content().unwrap().contains("no date printed") == (undated > 0));
    let shared = report.claims.iter().filter(|c| c.is_shared()).count();
    assert_eq!(count(".claim-card.shared details.mentions[open] ol.side-by-side"), shared);
    assert!(count("mark.shared-words") > shared, "shared wording is marked");
    assert_eq!(count("mark.figure-differs") > 0, report.claims.iter().any(|c| !c.variants.is_empty()));
    let reasons = root.query_selector_all(".links li").unwrap();
    assert!(reasons.length() > 0);
    for i in 0..reasons.length() {
        let reason = reasons.item(i).unwrap().text_content().unwrap();
        assert!(reason.contains("both say “") || reason.contains("no wording in common"), "{reason}");
        assert!(!reason.contains('~'), "a stem or lexicon group shown: {reason}");
    }
    // Who said a mention, and the words in its article that say so.
    let attributed = report.claims.iter().flat_map(|c| c.mentions.iter().take(wiretrace::web::claim_card::SIDE_BY_SIDE)).filter(|m| m.speaker.is_some() && m.attribution.is_some()).count();
    assert!(attributed > 0, "the example has attributed mentions");
    assert_eq!(count(".mention .attribution"), attributed);
    let first = root.query_selector(".mention .attribution").unwrap().unwrap().text_content().unwrap();
    assert!(first.starts_with("said by ") && first.contains('“'), "{first}");
    for id in ["download-json", "download-csv", "download-markdown", "print"] {
        assert_eq!(count(&format!("button#{id}")), 1, "{id}");
    }
}

#[wasm_bindgen_test]
async fn pasted_markup_in_a_mention_stays_text() {
    let inputs = [
        Input::new("a", "MOSCOW (Reuters) - The minister said <img src=x onerror=window.__pwned=1> 430 troops left Kursk on Monday."),
        Input::new("b", "The minister said <img src=x onerror=window.__pwned=1> 430 troops left Kursk on Monday, AFP reported."),
    ];
    let report = SharedReport::from_json(analyze(&inputs).to_json()).unwrap();
    use wiretrace::web::results::Results;
    let root = rendered(yew::html! { <Results report={report} millis={1.0} ondownload={|_| ()} onprint={|_| ()} /> }).await;
    assert!(root.query_selector("img").unwrap().is_none(), "markup in a paste was rendered");
    assert!(root.text_content().unwrap().contains("<img src=x"));
}

#[wasm_bindgen_test]
fn the_exports_parse_back() {
    let report = example_report();
    let json: wiretrace::Report = serde_json::from_str(report.json()).unwrap();
    assert_eq!(&json, &*report, "the JSON export is the report");
    let csv = wiretrace::export::csv(&report, None);
    let records: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes()).records().collect::<Result<_, _>>().unwrap();
    let mentions: usize = report.claims.iter().map(|c| c.mentions.len()).sum();
    assert_eq!(records.len(), mentions, "a row per mention under the header");
    assert!(records.iter().all(|r| r.len() == wiretrace::export::CSV_HEADER.len()));
    let texts: Vec<&str> = records.iter().map(|r| &r[8]).collect();
    assert!(report.claims.iter().flat_map(|c| &c.mentions).all(|m| texts.contains(&m.text.as_str())), "every mention's text, unchanged");
    let markdown = wiretrace::export::markdown(&report);
    assert!(markdown.starts_with('#'), "{markdown}");
    assert!(report.claims.iter().all(|c| markdown.contains(&c.id)), "every claim in the Markdown");
}

#[wasm_bindgen_test]
fn a_long_paste_is_previewed_from_the_threshold_as_plain_text() {
    use wiretrace::web::paste_area::{is_long, Preview, LONG_PASTE_BYTES, PREVIEW_BYTES};
    assert!(!is_long(&"a".repeat(LONG_PASTE_BYTES - 1)));
    assert!(is_long(&"a".repeat(LONG_PASTE_BYTES)));

    // Markup stays text, and the preview's cut falls before a character it would split.
    let text = format!("{}<b>é</b> {}", "x".repeat(PREVIEW_BYTES - 4), "word ".repeat(1_000_000));
    let preview = Preview::of(&text);
    assert_eq!(preview.start, format!("{}<b>", "x".repeat(PREVIEW_BYTES - 4)));
    assert_eq!(preview.summary, "5.0 MB, 1,000,001 words — too long to edit here smoothly");
    assert_eq!(Preview::of(&"word ".repeat(60_000)).summary, "300 KB, 60,000 words — too long to edit here smoothly");
}

#[wasm_bindgen_test]
fn a_long_clipboard_goes_where_the_selection_was() {
    use wiretrace::web::paste_area::splice_utf16;
    // "😀" is two UTF-16 units: the selection after it starts at unit 3.
    assert_eq!(splice_utf16("a😀bcd", 3, 4, "XY"), "a😀XYcd");
    assert_eq!(splice_utf16("ab", 0, 0, "X"), "Xab");
    assert_eq!(splice_utf16("ab", usize::MAX, usize::MAX, "X"), "abX");
    assert_eq!(splice_utf16("", 0, 0, "X"), "X");
}

/// A page whose text rules keep a list of other stories between its paragraphs as body, and
/// whose markup marks that list as navigation.
const NAV_TEXT: &str = include_str!("fixtures/clipboard/nav.txt");
const NAV_HTML: &str = include_str!("fixtures/clipboard/nav.html");
/// A story of the list the markup marks as navigation.
const NAV_STORY: &str = "Fishermen say new quotas";

fn claims_mention(inputs: &[Input], words: &str) -> bool {
    analyze(inputs).claims.iter().any(|c| c.mentions.iter().any(|m| m.text.contains(words)))
}

/// Dispatches a real paste of `text` with `html` on `area` (the clipboard's two forms): a
/// `ClipboardEvent` whose `DataTransfer` holds both, as a copy from a page gives them.
fn paste_event(area: &web_sys::HtmlTextAreaElement, text: &str, html: &str) -> web_sys::Event {
    use wasm_bindgen::JsCast;
    let make = js_sys::Function::new_with_args(
        "text, html",
        "const clipboardData = new DataTransfer(); clipboardData.setData('text/plain', text); \
         clipboardData.setData('text/html', html); \
         return new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });",
    );
    let event: web_sys::Event = make.call2(&wasm_bindgen::JsValue::NULL, &text.into(), &html.into()).unwrap().unchecked_into();
    area.focus().unwrap();
    area.select();
    area.dispatch_event(&event).unwrap();
    event
}

#[wasm_bindgen_test]
async fn a_paste_keeps_the_clipboards_html_and_the_analysis_reads_it() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wiretrace::web::paste_area::{PasteArea, LONG_PASTE_BYTES};
    let actions: Rc<RefCell<Vec<Action>>> = Rc::default();
    let state = State::with_inputs(&[Input::new("Paste 1", "")]);
    let (paste, id) = (state.pastes[0].clone(), state.pastes[0].id);
    let (told, edits) = (actions.clone(), actions.clone());
    let onmarkup = yew::Callback::from(move |(markup, whole)| told.borrow_mut().push(Action::PastedMarkup { id, markup, whole }));
    let onedit = yew::Callback::from(move |text| edits.borrow_mut().push(Action::Edit(id, text)));
    let root = rendered(yew::html! { <PasteArea {paste} only=true onrename={|_| ()} {onedit} {onmarkup} onremove={|_| ()} /> }).await;
    let area: web_sys::HtmlTextAreaElement = root.query_selector(".paste-text").unwrap().unwrap().dyn_into().unwrap();

    // A paste of normal size: the browser inserts the text (its input event is the edit).
    assert!(!paste_event(&area, NAV_TEXT, NAV_HTML).default_prevented());
    let mut state = actions.take().into_iter().fold(state, State::apply).apply(Action::Edit(id, NAV_TEXT.into()));
    let markup = state.pastes[0].html.clone().expect("the clipboard's markup is kept");
    assert!(markup.len() < NAV_HTML.len() && markup.contains("<nav class=\"story-links\">"), "{markup}");
    assert!(!markup.contains("<body") && !markup.contains("<html"), "{markup}");
    let inputs = state.inputs();
    assert!(inputs[0].html.is_some(), "the worker's input carries the markup");
    assert!(claims_mention(&[Input::new("a", NAV_TEXT)], NAV_STORY), "text alone reads the list as body");
    assert!(!claims_mention(&inputs, NAV_STORY), "the list the markup marks as navigation is dropped");

    // Drafts and links keep it; emptying the paste drops it.
    state = state.apply(Action::Share);
    assert_eq!(permalink::decode(state.link.as_ref().unwrap()).unwrap(), inputs);
    assert_eq!(Drafts::Save(state.pastes.clone()).inputs().unwrap(), inputs);
    assert!(state.clone().apply(Action::Edit(id, "".into())).pastes[0].html.is_none());

    // A long clipboard goes to the state without the browser, its markup with it.
    let long = format!("{NAV_TEXT}\n{}", "More words of the article follow here. ".repeat(LONG_PASTE_BYTES / 30));
    assert!(paste_event(&area, &long, NAV_HTML).default_prevented());
    let state = actions.take().into_iter().fold(state, State::apply);
    assert_eq!(&*state.pastes[0].text, long);
    assert_eq!(state.pastes[0].html, Some(markup));
}

#[wasm_bindgen_test]
fn markup_pasted_into_other_text_joins_its_markup_and_is_bounded() {
    let state = State::with_inputs(&[Input::with_html("a", "First part.", "<p>First part.</p>")]);
    let id = state.pastes[0].id;
    let markup = |html: &str| Some(std::rc::Rc::from(html));
    let joined = state.clone().apply(Action::PastedMarkup { id, markup: markup("<p>Second.</p>"), whole: false });
    assert_eq!(joined.pastes[0].html.as_deref(), Some("<p>First part.</p><p>Second.</p>"));
    let replaced = state.clone().apply(Action::PastedMarkup { id, markup: markup("<p>New.</p>"), whole: true });
    assert_eq!(replaced.pastes[0].html.as_deref(), Some("<p>New.</p>"));
    // Text without markup pasted into the paste: no part of it can be told from the markup.
    assert_eq!(state.clone().apply(Action::PastedMarkup { id, markup: None, whole: false }).pastes[0].html, None);
    let huge = state.apply(Action::PastedMarkup { id, markup: markup(&"<p>é</p>".repeat(MAX_PASTE_BYTES / 4)), whole: true });
    assert!(huge.pastes[0].html.as_ref().unwrap().len() <= MAX_PASTE_BYTES);
}

#[wasm_bindgen_test]
fn reduced_markup_reads_as_the_raw_markup_and_an_html_file_keeps_it() {
    use wiretrace::clean::{markup::blocks, tokens};
    use wiretrace::web::markup::reduced;
    let hostile = "<div hidden>secret</div><p style='DISPLAY: none'>gone</p><script>x()</script><!-- c -->\
        <p class=\"a&quot;b\">Tom &amp; Jerry &lt;3 <span>one</span><b>two</b></p><img src=x onerror=alert(1)><br>";
    let words = |html: &str| blocks(html).into_iter().map(|b| (b.text.split_whitespace().collect::<Vec<_>>().join(" "), b.marks, b.link_dense())).collect::<Vec<_>>();
    for html in [NAV_HTML, hostile] {
        assert_eq!(words(&reduced(html)), words(html), "{}", reduced(html));
        // The worker reads the reduced form without html5gum, and gets html5gum's tokens; a
        // link's markup, reduced again when opened, stays as it was.
        assert_eq!(tokens::reduced(&reduced(html)), tokens::html(&reduced(html)));
        assert_eq!(reduced(&reduced(html)), reduced(html));
    }
    assert!(!reduced(hostile).contains("secret") && !reduced(hostile).contains("onerror") && !reduced(hostile).contains("<span"));
    assert_eq!(reduced("<img src=x>"), "", "no text, no markup");
    // A link made by the CLI carries a page's whole markup: opened, it is reduced as a paste's.
    let opened = |html: &str| wiretrace::web::markup::with_reduced_markup(Input::with_html("a", "t", html)).html;
    assert_eq!(opened(NAV_HTML), Some(reduced(NAV_HTML)));
    assert_eq!(opened("<img src=x>"), None);
    let file = paste_of("nav.html".into(), FileKind::Html, NAV_HTML.into());
    assert_eq!(file.html.as_deref(), Some(reduced(NAV_HTML).as_str()));
    assert!(!claims_mention(&[file], NAV_STORY));
}

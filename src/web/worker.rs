//! The analysis off the page's thread: a Web Worker runs the core, so a long analysis (a 5 MB
//! paste takes seconds) leaves the page responsive, and Cancel can stop it at once.
//!
//! Both sides of the conversation live here, so the messages are defined once:
//! - the worker ([`serve`], the `wiretrace-worker` binary) says [`Reply::Ready`] once its
//!   WebAssembly is running, then answers each [`Request`] for pastes with the report's JSON;
//!   a link ([`Work::Link`]) is decoded there too, so that no link, however large, blocks the
//!   page, and its pastes (or its refusal) sent back: the page reduces their markup as it
//!   reduces a paste's (`web::markup`), since the worker reads markup in that form only, and
//!   asks for their report as a run of its own;
//! - the page ([`Analyst`]) adopts on its first analysis the worker `start.js` started beside
//!   the page's own WebAssembly (or starts one) and keeps it, so the core's lazily built tables
//!   stay warm; it holds a request back until the worker is ready (a message sent earlier
//!   would find nobody listening and be lost).
//!
//! The report travels as [`Report::to_json`](crate::Report::to_json)'s text: the page shows its
//! parse and offers these very bytes as the download, the same bytes as the CLI's `--json`.
//! Cancelling terminates the worker, whatever it is doing: a computation cannot be interrupted
//! any other way. The next analysis starts a fresh one. So does a run that takes longer than
//! [`TIME_LIMIT_MS`]: whatever the pastes (an opened link's included), an analysis ends.

use crate::Input;
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, Event, MessageEvent, Worker};

/// Where Trunk puts the worker (`data-type="worker"` with `data-loader-shim` in index.html):
/// its file names carry no hash, so the page can name it (and so can `start.js`).
const WORKER_SCRIPT: &str = "./wiretrace-worker_loader.js";

/// Where `src/web/start.js` leaves the worker it starts beside the page's WebAssembly:
/// `{ worker, messages, failed }`, what it said before the page listened included.
const EARLY_WORKER: &str = "wiretraceEarlyWorker";

/// An analysis still running after this long is stopped, with a plain reason. Five megabytes
/// of ordinary news take seconds; this only ends runs that something in the text made endless.
pub const TIME_LIMIT_MS: i32 = 120_000;

/// What the page asks the worker to analyse.
#[derive(Serialize, Deserialize)]
pub enum Work {
    /// These pastes, as the page holds them.
    Pastes(Vec<Input>),
    /// The pastes of this permalink fragment (without `#`): the worker decodes it, so that a
    /// link of megabytes never blocks the page, and says what it holds.
    Link(String),
}

/// From the page to the worker: run `run` is this work.
#[derive(Serialize, Deserialize)]
struct Request {
    run: u64,
    work: Work,
}

/// From the worker to the page.
#[derive(Serialize, Deserialize)]
enum Reply {
    /// The worker listens from now on.
    Ready,
    /// The pastes of run `run`'s link, decoded.
    Decoded { run: u64, inputs: Vec<Input> },
    /// Run `run`'s link was refused, for this plain reason; no report follows.
    Refused { run: u64, reason: String },
    /// The report of run `run`, as JSON.
    Report { run: u64, json: String },
    /// A request the worker could not read: the run under way ends without a report.
    Unreadable,
}

/// What the page hears of a run.
pub enum Heard {
    /// The run's link holds these pastes (as decoded, before the page cuts any to its limit).
    /// The run is over: the page analyses them as a run of its own.
    Decoded(Vec<Input>),
    /// The run's link was refused, for this plain reason. The run is over.
    Refused(String),
    /// The report, as JSON. The run is over.
    Report(String),
    /// The run ended without a report, for this reason.
    Failed(String),
}

/// The pastes of a permalink fragment, or the plain reason it is refused; decoding is bounded
/// in time and size ([`crate::permalink::decode`]).
pub fn decode_link(fragment: &str) -> Result<Vec<Input>, String> {
    crate::permalink::decode(fragment).map_err(|error| error.to_string())
}

/// The worker's side: answers every request with its report. Runs once, when the worker's
/// WebAssembly starts; the handler it installs lives as long as the worker.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_request = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        // Only the page posts here, and always a Request; anything else still gets an answer,
        // so the page never waits for ever.
        match serde_wasm_bindgen::from_value(event.data()) {
            Ok(Request { run, work }) => run_work(&replies, run, work),
            Err(_) => post(&replies, &Reply::Unreadable),
        }
    });
    scope.set_onmessage(Some(on_request.as_ref().unchecked_ref()));
    on_request.forget();
    post(&scope, &Reply::Ready);
}

/// Does run `run`'s work: the pastes' report, or a link's pastes (or its refusal).
fn run_work(replies: &DedicatedWorkerGlobalScope, run: u64, work: Work) {
    let reply = match work {
        Work::Pastes(inputs) => Reply::Report { run, json: crate::analyze(&inputs).to_json() },
        Work::Link(fragment) => match decode_link(&fragment) {
            Ok(inputs) => Reply::Decoded { run, inputs },
            Err(reason) => Reply::Refused { run, reason },
        },
    };
    post(replies, &reply);
}

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    if let Ok(message) = serde_wasm_bindgen::to_value(reply) {
        let _ = scope.post_message(&message);
    }
}

/// The page's side: one worker, started when first needed, running one analysis at a time.
#[derive(Default)]
pub struct Analyst {
    worker: Option<Running>,
}

impl Analyst {
    /// Starts `work` as run `run`; `listener` hears what the worker says of it (the last word
    /// ends the run), unless the run is cancelled first. Any run still under way is cancelled.
    pub fn start(&mut self, run: u64, work: Work, listener: impl Fn(Heard) + 'static) {
        self.cancel();
        if self.worker.as_ref().is_some_and(|running| running.talk.broken.get()) {
            self.worker = None;
        }
        if self.worker.is_none() {
            match Running::spawn() {
                Ok(running) => self.worker = Some(running),
                Err(reason) => return listener(Heard::Failed(reason)),
            }
        }
        if let Some(running) = &self.worker {
            *running.talk.listener.borrow_mut() = Some((run, Rc::new(listener)));
            running.talk.send(&running.worker, Request { run, work });
            running.stop_after_time_limit(run);
        }
    }

    /// Stops the run under way, if any: its worker is terminated and its listener hears no
    /// more. A finished run leaves the worker running for the next one.
    pub fn cancel(&mut self) {
        let busy = self.worker.as_ref().is_some_and(|running| running.talk.listener.borrow().is_some());
        if busy {
            self.worker = None;
        }
    }
}

/// A started worker and the handlers listening to it. Dropping it terminates the worker.
struct Running {
    worker: Worker,
    talk: Rc<Conversation>,
    _on_reply: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(Event)>,
}

/// Whoever listens to a run.
type Listener = Rc<dyn Fn(Heard)>;

/// What the page and the worker's handlers share about one worker.
#[derive(Default)]
struct Conversation {
    /// The worker said [`Reply::Ready`].
    ready: Cell<bool>,
    /// The worker failed (it could not load, or the core panicked): it cannot be used again.
    broken: Cell<bool>,
    /// A request waiting for the worker to be ready.
    waiting: RefCell<Option<Request>>,
    /// The run under way and who listens to it.
    listener: RefCell<Option<(u64, Listener)>>,
}

impl Conversation {
    fn send(&self, worker: &Worker, request: Request) {
        if !self.ready.get() {
            *self.waiting.borrow_mut() = Some(request);
            return;
        }
        let posted = serde_wasm_bindgen::to_value(&request)
            .ok()
            .and_then(|message| worker.post_message(&message).ok());
        if posted.is_none() {
            self.finish(Heard::Failed("the pastes could not be handed to the analysis".to_string()));
        }
    }

    fn on_reply(&self, worker: &Worker, reply: Reply) {
        match reply {
            Reply::Ready => {
                self.ready.set(true);
                if let Some(request) = self.waiting.take() {
                    self.send(worker, request);
                }
            }
            Reply::Decoded { run, inputs } => self.finish_run(run, Heard::Decoded(inputs)),
            Reply::Refused { run, reason } => self.finish_run(run, Heard::Refused(reason)),
            Reply::Report { run, json } => self.finish_run(run, Heard::Report(json)),
            Reply::Unreadable => self.finish(Heard::Failed("the analysis could not read the pastes".to_string())),
        }
    }

    /// The listener of run `run`, if that run is the one under way.
    fn listener_of(&self, run: u64) -> Option<Listener> {
        self.listener.borrow().as_ref().filter(|(current, _)| *current == run).map(|(_, listener)| listener.clone())
    }

    fn finish_run(&self, run: u64, last: Heard) {
        if self.listener_of(run).is_some() {
            self.finish(last);
        }
    }

    /// Tells whoever listens to the run under way its last word. The listener is taken out
    /// before it hears it, so the run counts as over whatever the listener does.
    fn finish(&self, last: Heard) {
        let listener = self.listener.take();
        if let Some((_, listener)) = listener {
            listener(last);
        }
    }
}

impl Running {
    fn spawn() -> Result<Running, String> {
        let (worker, said) = match early_worker() {
            Some(early) => early,
            None => (Worker::new(WORKER_SCRIPT).map_err(|_| "this browser could not start the analysis".to_string())?, Vec::new()),
        };
        let talk = Rc::new(Conversation::default());
        let on_reply = {
            let (talk, worker) = (talk.clone(), worker.clone());
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                if let Ok(reply) = serde_wasm_bindgen::from_value(event.data()) {
                    talk.on_reply(&worker, reply);
                }
            })
        };
        let on_error = {
            let talk = talk.clone();
            // An error inside the worker (a panic in the core) comes as an ErrorEvent; a worker
            // script that would not load, as a bare Event.
            Closure::<dyn Fn(Event)>::new(move |event: Event| {
                talk.broken.set(true);
                talk.waiting.take();
                talk.finish(Heard::Failed(match event.dyn_ref::<ErrorEvent>() {
                    Some(error) => format!("the analysis failed ({})", error.message()),
                    None => "the analysis could not start".to_string(),
                }));
            })
        };
        worker.set_onmessage(Some(on_reply.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        for reply in said.into_iter().filter_map(|message| serde_wasm_bindgen::from_value(message).ok()) {
            talk.on_reply(&worker, reply);
        }
        Ok(Running { worker, talk, _on_reply: on_reply, _on_error: on_error })
    }
}

/// The worker `start.js` started with the page, and what it has said so far; taken once (the
/// page's first analysis adopts it, a later one starts its own). None when there is none, or
/// when it failed to load (then a fresh start says why).
fn early_worker() -> Option<(Worker, Vec<JsValue>)> {
    let global = js_sys::global();
    let key = JsValue::from_str(EARLY_WORKER);
    let early = js_sys::Reflect::get(&global, &key).ok().filter(JsValue::is_object)?;
    let _ = js_sys::Reflect::delete_property(&global, &key);
    let field = |name: &str| js_sys::Reflect::get(&early, &JsValue::from_str(name)).ok();
    let worker: Worker = field("worker")?.dyn_into().ok()?;
    if field("failed").and_then(|failed| failed.as_bool()) != Some(false) {
        worker.terminate();
        return None;
    }
    let said: js_sys::Array = field("messages")?.dyn_into().ok()?;
    Some((worker, said.iter().collect()))
}

impl Running {
    /// Ends run `run` if it is still under way after [`TIME_LIMIT_MS`]: the worker is stopped
    /// and will not be used again.
    fn stop_after_time_limit(&self, run: u64) {
        let (talk, worker) = (Rc::downgrade(&self.talk), self.worker.clone());
        let on_time = Closure::once_into_js(move || {
            let Some(talk) = talk.upgrade() else { return };
            if talk.listener_of(run).is_some() {
                worker.terminate();
                talk.broken.set(true);
                let minutes = TIME_LIMIT_MS / 60_000;
                talk.finish(Heard::Failed(format!("it took longer than {minutes} minutes, so it was stopped")));
            }
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(on_time.unchecked_ref(), TIME_LIMIT_MS);
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

//! The analysis off the page's thread: a Web Worker runs the core, so a long analysis (a 5 MB
//! paste takes seconds) leaves the page responsive, and Cancel can stop it at once.
//!
//! Both sides of the conversation live here, so the messages are defined once:
//! - the worker ([`serve`], the `wiretrace-worker` binary) says [`Reply::Ready`] once its
//!   WebAssembly is running, then answers each [`Request`] with the report's JSON;
//! - the page ([`Analyst`]) starts the worker on the first analysis and keeps it, so the core's
//!   lazily built tables stay warm; it holds a request back until the worker is ready (a
//!   message sent earlier would find nobody listening and be lost).
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
/// its file names carry no hash, so the page can name it.
const WORKER_SCRIPT: &str = "./wiretrace-worker_loader.js";

/// An analysis still running after this long is stopped, with a plain reason. Five megabytes
/// of ordinary news take seconds; this only ends runs that something in the text made endless.
pub const TIME_LIMIT_MS: i32 = 120_000;

/// From the page to the worker: analyse these pastes.
#[derive(Serialize, Deserialize)]
struct Request {
    run: u64,
    inputs: Vec<Input>,
}

/// From the worker to the page.
#[derive(Serialize, Deserialize)]
enum Reply {
    /// The worker listens from now on.
    Ready,
    /// The report of run `run`, as JSON.
    Report { run: u64, json: String },
    /// A request the worker could not read: the run under way ends without a report.
    Unreadable,
}

/// What an analysis gives the page: the report's JSON, or why there is none.
pub type Outcome = Result<String, String>;

/// The worker's side: answers every request with its report. Runs once, when the worker's
/// WebAssembly starts; the handler it installs lives as long as the worker.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_request = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        // Only the page posts here, and always a Request; anything else still gets an answer,
        // so the page never waits for ever.
        let reply = match serde_wasm_bindgen::from_value(event.data()) {
            Ok(Request { run, inputs }) => Reply::Report { run, json: crate::analyze(&inputs).to_json() },
            Err(_) => Reply::Unreadable,
        };
        post(&replies, &reply);
    });
    scope.set_onmessage(Some(on_request.as_ref().unchecked_ref()));
    on_request.forget();
    post(&scope, &Reply::Ready);
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
    /// Starts analysing `inputs` as run `run`; `on_done` gets the outcome, unless the run is
    /// cancelled first. Any analysis still under way is cancelled.
    pub fn start(&mut self, run: u64, inputs: Vec<Input>, on_done: impl FnOnce(Outcome) + 'static) {
        self.cancel();
        if self.worker.as_ref().is_some_and(|running| running.talk.broken.get()) {
            self.worker = None;
        }
        if self.worker.is_none() {
            match Running::spawn() {
                Ok(running) => self.worker = Some(running),
                Err(reason) => return on_done(Err(reason)),
            }
        }
        if let Some(running) = &self.worker {
            *running.talk.on_done.borrow_mut() = Some((run, Box::new(on_done)));
            running.talk.send(&running.worker, Request { run, inputs });
            running.stop_after_time_limit(run);
        }
    }

    /// Stops the analysis under way, if any: its worker is terminated and `on_done` is never
    /// called. A finished analysis leaves the worker running for the next one.
    pub fn cancel(&mut self) {
        let busy = self.worker.as_ref().is_some_and(|running| running.talk.on_done.borrow().is_some());
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

/// What the page and the worker's handlers share about one worker.
#[derive(Default)]
struct Conversation {
    /// The worker said [`Reply::Ready`].
    ready: Cell<bool>,
    /// The worker failed (it could not load, or the core panicked): it cannot be used again.
    broken: Cell<bool>,
    /// A request waiting for the worker to be ready.
    waiting: RefCell<Option<Request>>,
    /// The run under way and whom to tell when it ends.
    on_done: RefCell<Option<(u64, Box<dyn FnOnce(Outcome)>)>>,
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
            self.finish(Err("the pastes could not be handed to the analysis".to_string()));
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
            Reply::Report { run, json } => {
                let current = self.on_done.borrow().as_ref().map(|(current, _)| *current);
                if current == Some(run) {
                    self.finish(Ok(json));
                }
            }
            Reply::Unreadable => self.finish(Err("the analysis could not read the pastes".to_string())),
        }
    }

    /// Tells whoever waits for the run under way how it ended. The callback is taken out
    /// before it runs, so the run counts as over whatever the callback does.
    fn finish(&self, outcome: Outcome) {
        let on_done = self.on_done.take();
        if let Some((_, on_done)) = on_done {
            on_done(outcome);
        }
    }
}

impl Running {
    fn spawn() -> Result<Running, String> {
        let worker = Worker::new(WORKER_SCRIPT).map_err(|_| "this browser could not start the analysis".to_string())?;
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
                talk.finish(Err(match event.dyn_ref::<ErrorEvent>() {
                    Some(error) => format!("the analysis failed ({})", error.message()),
                    None => "the analysis could not start".to_string(),
                }));
            })
        };
        worker.set_onmessage(Some(on_reply.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Running { worker, talk, _on_reply: on_reply, _on_error: on_error })
    }
}

impl Running {
    /// Ends run `run` if it is still under way after [`TIME_LIMIT_MS`]: the worker is stopped
    /// and will not be used again.
    fn stop_after_time_limit(&self, run: u64) {
        let (talk, worker) = (Rc::downgrade(&self.talk), self.worker.clone());
        let on_time = Closure::once_into_js(move || {
            let Some(talk) = talk.upgrade() else { return };
            let current = talk.on_done.borrow().as_ref().map(|(current, _)| *current);
            if current == Some(run) {
                worker.terminate();
                talk.broken.set(true);
                let minutes = TIME_LIMIT_MS / 60_000;
                talk.finish(Err(format!("it took longer than {minutes} minutes, so it was stopped")));
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

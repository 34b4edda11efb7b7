//! A time budget for the theme's code. A Typst layout can loop for as long as it likes and
//! Typst offers no way to stop a compilation, so a build that the CLI runs is watched: when
//! one document has been laid out (or one page rendered) for longer than the budget, the
//! CLI's handler names it and ends the process. Nothing has been swapped into the output
//! folder by then, so the last good build stays; the lock dies with the process.
//!
//! Only the CLI arms it: a library user that never calls [`arm`] pays one atomic load per
//! task.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

type Handler = Box<dyn Fn(&str, Duration) + Send + Sync>;

struct Dog {
    budget: Duration,
    handler: Handler,
    running: Mutex<Vec<(u64, Instant, String)>>,
}

static DOG: OnceLock<Dog> = OnceLock::new();
static NEXT: AtomicU64 = AtomicU64::new(1);

/// Watches every [`task`] from now on; `handler` gets the task's label and the budget when
/// one overruns (it is expected to end the process). Later calls are ignored.
pub fn arm(budget: Duration, handler: impl Fn(&str, Duration) + Send + Sync + 'static) {
    let fresh = DOG
        .set(Dog {
            budget,
            handler: Box::new(handler),
            running: Mutex::new(Vec::new()),
        })
        .is_ok();
    if fresh {
        let tick = (budget / 4).clamp(Duration::from_millis(20), Duration::from_millis(500));
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(tick);
                let Some(dog) = DOG.get() else { return };
                let overdue = dog.running.lock().ok().and_then(|r| {
                    r.iter()
                        .find(|(_, start, _)| start.elapsed() > dog.budget)
                        .map(|(_, _, label)| label.clone())
                });
                if let Some(label) = overdue {
                    (dog.handler)(&label, dog.budget);
                    return;
                }
            }
        });
    }
}

/// A piece of theme work under watch until the guard is dropped.
pub struct Task(u64);

pub fn task(label: impl FnOnce() -> String) -> Task {
    let Some(dog) = DOG.get() else {
        return Task(0);
    };
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    if let Ok(mut r) = dog.running.lock() {
        r.push((id, Instant::now(), label()));
    }
    Task(id)
}

impl Drop for Task {
    fn drop(&mut self) {
        if self.0 == 0 {
            return;
        }
        if let Some(dog) = DOG.get()
            && let Ok(mut r) = dog.running.lock()
        {
            r.retain(|(id, _, _)| *id != self.0);
        }
    }
}

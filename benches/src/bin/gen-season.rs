//! Writes a generated season as a production file, for benchmark scripts in
//! other languages: `gen-season OUT.json [SCALE] [SEED]` (scale 1 = 50,000 events).

use std::process::ExitCode;

use callsheet_benches::{SeasonSize, season};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: gen-season OUT.json [SCALE] [SEED]");
        return ExitCode::FAILURE;
    };
    let scale: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let size = SeasonSize {
        shoot_days: SeasonSize::SEASON.shoot_days * scale,
        people: SeasonSize::SEASON.people * scale,
        events: SeasonSize::SEASON.events * scale,
        attendees_per_event: SeasonSize::SEASON.attendees_per_event,
    };
    let production = season(size, seed);
    match production.save(&out) {
        Ok(()) => {
            eprintln!(
                "{out}: {} events, {} people",
                production.events.len(),
                production.people.len()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}

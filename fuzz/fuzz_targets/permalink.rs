//! libFuzzer driver of the `permalink` target (see ../src/lib.rs); built by scripts/fuzz-libfuzzer.sh.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| wiretrace_fuzz::Target::by_name("permalink").expect("a target").run(data));

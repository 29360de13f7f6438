//! A stand-in for another program that draws circles with cirkel: it has
//! no code of its own; its test (`tests/cli_bytes.rs`) calls the public
//! facade only.

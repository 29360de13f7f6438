//! The starter file of `cirkel init` lives in `cirkel-core` (the editor
//! starts from it too).

pub use cirkel_core::starter;

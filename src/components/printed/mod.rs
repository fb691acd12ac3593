//! The print sheet island: the printed aftercare sheet and the QR code back to the guide.

pub mod print_sheet;
pub mod share_code;

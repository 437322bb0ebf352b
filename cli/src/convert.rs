//! `convert`: a version 1 `spin.toml` rewritten as version 2.

use std::path::PathBuf;

use clap::Args;
use wasm_manifests::spin::convert::{self, ConvertError};

use crate::{ColorWhen, Status};

/// Options of `convert`.
#[derive(Debug, Args)]
pub(crate) struct ConvertArgs {
    /// The version 1 `spin.toml`.
    #[arg(value_name = "PATH")]
    path: PathBuf,

    /// Replace the file with the converted manifest instead of printing
    /// it. The original is not kept: commit it first, or copy it aside.
    #[arg(long)]
    write: bool,
}

/// What `convert --help` ends with.
pub(crate) const AFTER_HELP: &str = "\
Without --write, the version 2 manifest is printed on standard output and the
original file is left untouched. With --write, the original is overwritten in
place (no backup is kept); nothing is written when the conversion is refused.
What changed besides the layout (repaired ids, implied database hosts written
out, a folded base) is listed on standard error.

The conversion is refused, and nothing is printed or written, when the
manifest has errors (for example components whose ids become equal once
repaired, which Spin would merge), when it is already of version 2, or when
version 2 would refuse the result.

Exit status:
  0  converted
  1  the conversion was refused
  2  usage error, or the file could not be read or written";

pub(crate) fn run(args: &ConvertArgs, _color: ColorWhen) -> Status {
    let text = match std::fs::read_to_string(&args.path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("error: cannot read `{}`: {e}", args.path.display());
            return Status::Trouble;
        }
    };
    let conversion = match convert::convert(&text) {
        Ok(conversion) => conversion,
        Err(ConvertError::Invalid(mut report)) | Err(ConvertError::Unconvertible(mut report)) => {
            report.set_origin(args.path.display().to_string());
            eprint!("{}", report.render());
            eprintln!(
                "error: `{}` was not converted: fix the errors above first",
                args.path.display()
            );
            return Status::Errors;
        }
        Err(e) => {
            eprintln!("error: `{}` was not converted: {e}", args.path.display());
            return Status::Errors;
        }
    };
    for change in conversion.changes() {
        eprintln!("note: {change}");
    }
    if args.write {
        if let Err(e) = std::fs::write(&args.path, conversion.text()) {
            eprintln!("error: cannot write `{}`: {e}", args.path.display());
            return Status::Trouble;
        }
        eprintln!("converted `{}` to manifest version 2", args.path.display());
    } else {
        print!("{}", conversion.text());
    }
    Status::Clean
}

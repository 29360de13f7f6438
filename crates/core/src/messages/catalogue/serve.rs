//! Messages of the local editor (`serve.`): starting it, loading and
//! saving its file, photos.

use super::Entry;

/// The entries of this part.
pub static ENTRIES: &[Entry] = &[
    (
        "serve.listening",
        "the editor is open at {url}\n  (only on this computer; press Ctrl+C to stop)",
        "de editor staat open op {url}\n  (alleen op deze computer; stop met Ctrl+C)",
    ),
    (
        "serve.stopped",
        "the editor has stopped",
        "de editor is gestopt",
    ),
    (
        "serve.no-browser",
        "open that address in your browser",
        "open dat adres in je browser",
    ),
    (
        "serve.cannot-listen",
        "cannot listen on port {port}: {reason}",
        "kan niet luisteren op poort {port}: {reason}",
    ),
    (
        "serve.no-random",
        "the system gave no randomness for the token: {reason}",
        "het systeem gaf geen willekeur voor het token: {reason}",
    ),
    (
        "serve.no-folder",
        "cannot tell the current folder: {reason}",
        "kan de huidige map niet bepalen: {reason}",
    ),
    (
        "serve.csv",
        "the editor does not save CSV files; convert it first (cirkel convert leden.csv kernteam.xlsx)",
        "de editor slaat geen CSV-bestanden op; zet het eerst om (cirkel convert leden.csv kernteam.xlsx)",
    ),
    (
        "serve.not-found",
        "{file} does not exist",
        "{file} bestaat niet",
    ),
    (
        "serve.cannot-read",
        "cannot read {file}: {reason}",
        "kan {file} niet lezen: {reason}",
    ),
    (
        "serve.too-large",
        "{file} is larger than a kernteam file can be",
        "{file} is groter dan een kernteambestand kan zijn",
    ),
    (
        "serve.cannot-write",
        "cannot write {file}: {reason}",
        "kan {file} niet schrijven: {reason}",
    ),
    (
        "serve.workbook-rewritten",
        "saving writes the workbook anew with cirkel's sheets (School, Ringen, Leden, Routes, Overleg); sheets and formatting of your own are not kept",
        "opslaan schrijft de werkmap opnieuw met de bladen van cirkel (School, Ringen, Leden, Routes, Overleg); eigen bladen en opmaak blijven niet bewaard",
    ),
    (
        "serve.conflict",
        "the file changed on disk since it was loaded; nothing was saved",
        "het bestand is op schijf veranderd sinds het geladen is; er is niets opgeslagen",
    ),
    (
        "serve.name-needed",
        "give a name to save the new file under",
        "geef een naam om het nieuwe bestand onder op te slaan",
    ),
    (
        "serve.name-taken",
        "{file} exists already; choose another name",
        "{file} bestaat al; kies een andere naam",
    ),
    (
        "serve.bad-name",
        "\"{file}\" is not a file name for a kernteam: a name in this folder ending in .json, .xlsx or .ods",
        "\"{file}\" is geen bestandsnaam voor een kernteam: een naam in deze map die eindigt op .json, .xlsx of .ods",
    ),
    (
        "serve.not-a-file",
        "{file} is not a plain file (a link or a folder); open the file itself",
        "{file} is geen gewoon bestand (een koppeling of een map); open het bestand zelf",
    ),
    (
        "serve.school-taken",
        "the workbook has another school named \"{school}\" already",
        "de werkmap heeft al een andere school die \"{school}\" heet",
    ),
    (
        "serve.photo-too-big",
        "the photo is larger than 2 MB",
        "de foto is groter dan 2 MB",
    ),
    (
        "serve.photo-kind",
        "the photo is not a PNG or JPEG image",
        "de foto is geen PNG- of JPEG-afbeelding",
    ),
    (
        "serve.photo-size",
        "the photo is larger than {limit} × {limit} px",
        "de foto is groter dan {limit} × {limit} px",
    ),
    (
        "serve.photo-folder",
        "the photos folder (fotos) beside the file cannot be used",
        "de fotomap (fotos) naast het bestand is niet te gebruiken",
    ),
];

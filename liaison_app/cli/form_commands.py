"""``liaison forms``, ``liaison print`` and ``liaison import workers``: forms and rosters
without a window, over the same services as the 申请与打印 page."""
from __future__ import annotations

import argparse
from pathlib import Path

from liaison_app.cli.common import fail, open_store, say
from liaison_app.cli.import_commands import (
    EXIT_NOTHING,
    exit_status,
    import_kinds,
    print_report,
)
from liaison_app.core import i18n
from liaison_app.core.services.errors import ServiceError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("forms", help=i18n.translate("Cli", "list the printable forms").text(),
                       description=i18n.translate(
        "Cli", "List the printable forms, the records they print from and whether full ID "
        "numbers may be printed on them.").text())
    p.set_defaults(func=cmd_forms)

    p = sub.add_parser("print", help=i18n.translate(
        "Cli", "print a form of a record to a PDF file").text(), description=i18n.translate(
        "Cli", "Fill FORM from a record and write it as PDF. Every print is logged (who, "
        "when, which form, full numbers or not).").text())
    p.add_argument("form", metavar="FORM", help=i18n.translate(
        "Cli", "form id, see liaison forms").text())
    p.add_argument("--id", required=True, dest="record_id", metavar="RECORD_ID",
                   help=i18n.translate(
        "Cli", "the application, visit, enterprise (for a whole roster), proxy case, "
        "request, evaluation round (satisfaction forms), year (letter register) or half "
        "year (public list, 2026-1 or 2026-2) to print").text())
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help=i18n.translate(
        "Cli", "the PDF file to write").text())
    p.add_argument("--unmasked", action="store_true", help=i18n.translate(
        "Cli", "print full ID and phone numbers (only on forms that allow it; logged)").text())
    p.set_defaults(func=cmd_print)

    kinds = import_kinds(sub)
    p = kinds.add_parser("workers", help=i18n.translate(
        "Cli", "import an enterprise's worker roster").text(), description=i18n.translate(
        "Cli", "Import a worker roster. Workers already on the roster (same ID number) are "
        "updated. Exit status 0 only when every row was imported.").text())
    p.add_argument("file", type=Path, metavar="FILE", help=i18n.translate(
        "Cli", ".xlsx or .csv file").text())
    p.add_argument("--enterprise", required=True, metavar="USCC", help=i18n.translate(
        "Cli", "the enterprise's unified social credit code").text())
    p.add_argument("--sheet", help=i18n.translate(
        "Cli", "sheet name in an .xlsx file (default: the first sheet)").text())
    p.set_defaults(func=cmd_import_workers)


#: What each form prints from, as the ``--id`` of ``liaison print``.
FORM_SOURCE_LABELS = {
    "pass": i18n.translate("Cli", "a pass application"),
    "reopening": i18n.translate("Cli", "a reopening application"),
    "procedure": i18n.translate("Cli", "a procedure application or proxy case"),
    "visit": i18n.translate("Cli", "a visit"),
    "roster": i18n.translate("Cli", "an enterprise or application"),
    "round": i18n.translate("Cli", "an evaluation round"),
    "request": i18n.translate("Cli", "a dispatched request"),
    "case": i18n.translate("Cli", "a proxy case"),
    "year": i18n.translate("Cli", "a year, e.g. 2026"),
    "half_year": i18n.translate("Cli", "a half year, e.g. 2026-1 or 2026-2"),
}


def cmd_forms(args: argparse.Namespace) -> int:
    del args
    from liaison_app.core.services.printing import FORM_SOURCES
    from liaison_app.forms.registry import FORMS

    english = i18n.language() == "en"
    for spec in FORMS:
        source = FORM_SOURCES.get(spec.form_id) or (
            "round" if spec.form_id in ("satisfaction_sheet", "evaluation_report") else None)
        full = (i18n.translate("Cli", "full ID numbers allowed") if spec.may_carry_full_id
                else i18n.translate("Cli", "always masked"))
        where = (i18n.translate("Cli", "--id: {record}").format(
            record=FORM_SOURCE_LABELS[source]) if source
            else i18n.translate("Cli", "not printed from a record here"))
        title = f"{spec.title_zh}\t{spec.title_en}" if english else spec.title_zh
        say(f"{spec.form_id:<24}{title}\t" + i18n.translate("Cli", "[{full}; {where}]").format(
            full=full, where=where).text())
    return 0


def cmd_print(args: argparse.Namespace) -> int:
    from liaison_app.core.services import printing
    from liaison_app.forms.registry import form_spec

    _db, _paths, settings = open_store(args.data_dir)
    try:
        spec = form_spec(args.form)
    except KeyError:
        fail(i18n.translate("Printing", "There is no form \u201c{form}\u201d; "
                            "`liaison forms` lists them.").format(form=args.form))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    from liaison_app.core.services import evaluation_print

    if spec.form_id in evaluation_print.FORMS:
        return _print_evaluation(args, spec, settings.form_font_path)
    try:
        job = printing.print_to_file(
            form_id=spec.form_id, record_id=args.record_id, out=args.out,
            unmasked=args.unmasked,
            chain=printing.font_chain(settings_path=settings.form_font_path))
    except ServiceError as exc:
        fail(exc.message)
    say(i18n.translate("Printing", "{form}: {pages} pages written to {path} (font: {fonts})."
                       ).format(form=spec.title_zh, pages=job.pages, path=str(args.out),
                                fonts=", ".join(job.fonts)))
    if job.unmasked:
        say(i18n.translate("Printing", "Full ID numbers were printed; the print is logged."))
    if job.number and job.number_final:
        say(i18n.translate("Printing", "Document number: {number}.").format(number=job.number))
    elif job.number:
        say(i18n.translate(
            "Printing", "The form says “{number}”: the server gives its number when "
            "this computer next syncs. Print it again after syncing to carry the number."
        ).format(number=job.number))
    return 0


def _print_evaluation(args: argparse.Namespace, spec, font_path: str) -> int:  # noqa: ANN001
    from liaison_app.core.services import evaluation, evaluation_print, printing

    try:
        rnd = evaluation.find_round(text=args.record_id)
        job = evaluation_print.print_to_file(
            form_id=spec.form_id, round_id=rnd.id, out=args.out,
            chain=printing.font_chain(settings_path=font_path))
    except ServiceError as exc:
        fail(exc.message)
    say(i18n.translate("Printing", "{form}: {pages} pages written to {path} (font: {fonts})."
                       ).format(form=spec.title_zh, pages=job.pages, path=str(args.out),
                                fonts=", ".join(job.fonts)))
    return 0


def cmd_import_workers(args: argparse.Namespace) -> int:
    from liaison_app.core.services import enterprises, roster_import

    open_store(args.data_dir)
    ent = enterprises.find_by_uscc(args.enterprise)
    if ent is None:
        say(i18n.translate("Import", "No enterprise has the credit code {code}.").format(
            code=args.enterprise))
        return EXIT_NOTHING
    try:
        plan = roster_import.preview_roster(args.file, enterprise_id=ent.id, sheet=args.sheet)
    except ServiceError as exc:
        say(exc.message)
        return EXIT_NOTHING
    print_report(plan, accepted_warnings=False)
    if plan.file_errors:
        return EXIT_NOTHING
    try:
        result = roster_import.commit_roster(plan)
    except ServiceError as exc:
        say(exc.message)
        return EXIT_NOTHING
    summary = plan.summary
    say(i18n.translate(
        "Import", "{imported} of {total} rows imported into the roster of {name}: {created} "
        "new, {updated} updated; {errors} with errors.").format(
        imported=result.imported, total=summary.total, name=ent.name, created=result.created,
        updated=result.updated, errors=summary.error))
    return exit_status(imported=result.imported, total=summary.total)

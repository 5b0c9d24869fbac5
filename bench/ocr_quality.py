"""OCR quality and speed on the archive's kinds of pages.

Renders the benchmark's own court texts (bench/ocr_texts, never the test
fixtures) in four conditions, then reads every page with three engines in
the same run: bare `tesseract -l kir+rus`, OCRmyPDF (--deskew --clean) as
the peer, and sotarchive's OCR. Prints the character error rate
(Levenshtein distance / reference length, whitespace normalised) and
seconds per page, per condition and language.

    make bench-ocr         # or: .venv/bin/python bench/ocr_quality.py [--engines bare,sotarchive]

With --sweep, the pages are instead the degradation family of
bench/ocr_degrade.py: every kind of damage at severities 1-3 (and
--kinds to choose some), CER per kind and level.

    .venv/bin/python bench/ocr_quality.py --sweep [--kinds harsh-photocopy,grain] [--seeds 1]

With --texts DIR, other texts are rendered: the held-out sentences of the
UD_Kyrgyz-KTMU treebank, for one (real Kyrgyz no rule was written from;
python bench/kyrgyz_treebank.py --write-pages DIR writes them).

With --lines DIR, real scanned lines instead: each NAME.bin.png (or .png)
beside its transcription NAME.gt.txt, as OCR ground-truth sets on GitHub
publish them (for example the testing/ and training/ folders of jze/ocropus-model_cyrillic:
lines of a 1923 book and of the Synodal Bible from Wikisource scans, in the
public domain; the repository states no licence of its own, so the lines
are not copied into this one; and the data/train_N folders of
nikopartanen/molodcov-ocr: lines of a 1931 Komi book in the Molodcov
alphabet from the National Library of Finland's Fenno-Ugrica scans, grey,
as cut from the page; no licence stated either, not copied). Bare
Tesseract reads each as one line
(page segmentation mode 7). Besides the mean CER per line, the CER of all
characters pooled is printed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ocr_degrade import KINDS, LEVELS, degrade  # noqa: E402
from ocr import read_image  # noqa: E402
from sotarchive.sample_archive.conditions import CONDITIONS, render  # noqa: E402

TEXTS = ROOT / "bench" / "ocr_texts"
LANGUAGES = "kir+rus"
ENGINES = ("bare", "ocrmypdf", "sotarchive")


@dataclass(frozen=True)
class Page:
    name: str
    condition: str
    language: str
    truth: str
    path: Path


def normalise(text: str) -> str:
    return " ".join(text.split())


def cer(truth: str, seen: str) -> float:
    reference = normalise(truth)
    return Levenshtein.distance(reference, normalise(seen)) / max(len(reference), 1)


def build_pages(folder: Path, seeds: int, texts: Path = TEXTS) -> list[Page]:
    pages = []
    for text_path in sorted(texts.glob("*.txt")):
        truth = text_path.read_text("utf-8")
        language = text_path.name[:2]
        for condition in CONDITIONS:
            if condition == "typewriter-no-ky-letters" and language != "ky":
                continue  # a Russian page typed on a Russian machine is the plain typewriter case
            for seed in range(seeds):
                name = f"{text_path.stem}-{condition}-{seed}"
                path = folder / f"{name}.png"
                render(condition, truth, seed=zlib.crc32(f"{text_path.name}:{seed}".encode()) & 0xFFFF).save(path, dpi=(300, 300))
                pages.append(Page(name, condition, language, truth, path))
    return pages


def build_sweep(folder: Path, seeds: int, kinds: list[str], texts: Path = TEXTS, first_seed: int = 0) -> list[Page]:
    """The degradation family: each text at each kind and level of damage.
    first_seed picks other pages than those a setting was tuned on (seeds
    from 20 were kept aside for that)."""
    pages = []
    for text_path in sorted(texts.glob("*.txt")):
        truth = text_path.read_text("utf-8")
        for kind in kinds:
            for level in LEVELS:
                for seed in range(first_seed, first_seed + seeds):
                    name = f"{text_path.stem}-{kind}-{level}-{seed}"
                    path = folder / f"{name}.png"
                    degrade(kind, level, truth, seed=zlib.crc32(f"{name}".encode()) & 0xFFFF).save(path, dpi=(300, 300))
                    pages.append(Page(name, f"{kind} {level}", text_path.name[:2], truth, path))
    return pages


def build_lines(folder: Path) -> list[Page]:
    """Real scanned lines with their transcriptions (see --lines)."""
    pages = []
    for truth_path in sorted(folder.glob("*.gt.txt")):
        stem = truth_path.name[: -len(".gt.txt")]
        image = next((p for p in (folder / f"{stem}.bin.png", folder / f"{stem}.png") if p.exists()), None)
        if image is not None:
            pages.append(Page(stem, "real lines", "ru", truth_path.read_text("utf-8"), image))
    return pages


def run_bare(page: Page, work: Path) -> str:
    psm = ["--psm", "7"] if page.condition == "real lines" else []
    result = subprocess.run(
        ["tesseract", str(page.path), "stdout", "-l", LANGUAGES, *psm],
        capture_output=True, text=True, check=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"),
    )
    return result.stdout


def run_ocrmypdf(page: Page, work: Path) -> str:
    sidecar = work / f"{page.name}.txt"
    subprocess.run(
        [sys.executable, "-m", "ocrmypdf", "--image-dpi", "300", "-l", LANGUAGES, "--deskew", "--clean",
         "--output-type", "pdf", "--optimize", "0", "--jobs", "1", "--quiet", "--sidecar", str(sidecar),
         str(page.path), str(work / f"{page.name}.pdf")],
        check=True, capture_output=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"),
    )
    return sidecar.read_text("utf-8")


STEPS: tuple[str, ...] | None = None


def run_sotarchive(page: Page, work: Path) -> str:
    if STEPS is None:
        return read_image(page.path).text
    return read_image(page.path, steps=STEPS).text


def warm_up() -> None:
    """What a long-running worker has loaded once (imports, the Kyrgyz
    lexicon) is not counted against the first page it reads."""
    from ocr.kyrgyz_letters import lexicon

    lexicon()


RUNNERS = {"bare": run_bare, "ocrmypdf": run_ocrmypdf, "sotarchive": run_sotarchive}


def timed(job: tuple[Page, Path, tuple[str, ...], tuple[str, ...] | None]) -> list[tuple[str, Page, float, float]]:
    """Every engine on one page, one after another: the machine's load
    drifts, and engines measured side by side see the same drift."""
    global STEPS
    page, folder, engines, STEPS = job
    rows = []
    for engine in engines:
        started = time.monotonic()
        text = RUNNERS[engine](page, folder)
        elapsed = time.monotonic() - started
        (folder / f"{page.name}.{engine}.txt").write_text(text, "utf-8")
        rows.append((engine, page, cer(page.truth, text), elapsed))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--seeds", type=int, default=1, help="pages per text and condition")
    parser.add_argument("--first-seed", type=int, default=0, help="with --sweep: the first page seed (pages kept aside: 20 on)")
    parser.add_argument("--keep", type=Path, help="keep pages and outputs in this folder")
    parser.add_argument("--steps", help="preparation steps for sotarchive (ablation), e.g. borders,flatten")
    parser.add_argument("--sweep", action="store_true", help="the degradation family at severities 1-3 instead")
    parser.add_argument("--kinds", default=",".join(KINDS), help="with --sweep: which kinds of damage")
    parser.add_argument("--lines", type=Path, help="real scanned lines: a folder of NAME.bin.png and NAME.gt.txt")
    parser.add_argument("--texts", type=Path, default=TEXTS,
                        help="the texts to render, ru_*.txt and ky_*.txt (default bench/ocr_texts; real Kyrgyz: "
                             "python bench/kyrgyz_treebank.py --write-pages DIR)")
    args = parser.parse_args()
    global STEPS
    if args.steps is not None:
        STEPS = tuple(s for s in args.steps.split(",") if s)
    engines = [e for e in args.engines.split(",") if e]
    if "ocrmypdf" in engines and not (shutil.which("unpaper") and shutil.which("gs")):
        sys.exit("OCRmyPDF needs unpaper and ghostscript: run `make bench-ocr`, which installs them")
    workers = os.cpu_count() or 1

    folder = Path(tempfile.mkdtemp(prefix="sotarchive-ocr-bench-")) if not args.keep else args.keep
    folder.mkdir(parents=True, exist_ok=True)
    kinds = [k for k in args.kinds.split(",") if k]
    if args.lines:
        pages = build_lines(args.lines)
    else:
        pages = (build_sweep(folder, args.seeds, kinds, args.texts, args.first_seed) if args.sweep
                 else build_pages(folder, args.seeds, args.texts))
    print(f"{len(pages)} pages, {workers} at a time (one Tesseract each), languages {LANGUAGES}\n")

    results: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    # Processes, as the pipeline's workers are: no GIL shared between pages.
    with ProcessPoolExecutor(max_workers=workers, initializer=warm_up) as pool:
        for rows in pool.map(timed, [(page, folder, tuple(engines), STEPS) for page in pages]):
            for engine, page, error, elapsed in rows:
                results[(page.condition, page.language, engine)].append((error, elapsed, len(normalise(page.truth))))

    header = f"{'condition':26} {'lang':4} " + " ".join(f"{e + ' CER':>15} {'s/page':>7}" for e in engines)
    print(header)
    print("-" * len(header))
    conditions = (["real lines"] if args.lines else [f"{k} {level}" for k in kinds for level in LEVELS] if args.sweep
                  else list(CONDITIONS))
    for condition in conditions:
        for language in ("ru", "ky"):
            cells = []
            for engine in engines:
                rows = results.get((condition, language, engine))
                if not rows:
                    break
                mean_cer = sum(r[0] for r in rows) / len(rows)
                mean_s = sum(r[1] for r in rows) / len(rows)
                cells.append(f"{mean_cer * 100:14.2f}% {mean_s:7.2f}")
            if cells:
                print(f"{condition:26} {language:4} " + " ".join(cells))
    if args.lines:
        # Lines differ in length: a short line read wrong weighs as much as a
        # long one in the mean above. Pooled, every character weighs the same.
        pooled = []
        for engine in engines:
            rows = results[("real lines", "ru", engine)]
            pooled.append(f"{engine} {sum(r[0] * r[2] for r in rows) / max(sum(r[2] for r in rows), 1) * 100:.2f}%")
        print("\nall characters pooled: " + ", ".join(pooled))
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()

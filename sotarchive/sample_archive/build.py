"""Which sample documents exist and how each is rendered."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sotarchive.sample_archive.render import render_pages, write_pdf, write_text_pdf, write_tiff


@dataclass(frozen=True)
class Sample:
    text_name: str
    file_name: str
    form: str  # "scan-pdf", "scan-tiff" or "text-pdf"
    seed: int

    def text(self) -> str:
        return resources.files(__package__).joinpath("texts", self.text_name).read_text("utf-8")


SAMPLES = [
    Sample("1967_narodnyi_sud_prigovor.txt", "1967 Приговор нарсуд Фрунзе.pdf", "scan-pdf", 1967),
    Sample("2019_raiondyk_sot_chechim.txt", "2019_Ленин_райондук_сот_чечим.tif", "scan-tiff", 2019),
    Sample("1978_grazhdanskoe_reshenie.txt", "1978_reshenie_przhevalsk.pdf", "scan-pdf", 1978),
    Sample("2024_verkhovnyi_sud_opredelenie.txt", "2024_opredelenie_VS.pdf", "text-pdf", 2024),
]


def build_sample_archive(dest: Path, samples: list[Sample] | None = None) -> list[Path]:
    """Write the sample archive into dest (skipping files already there)."""
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for sample in samples or SAMPLES:
        path = dest / sample.file_name
        if not path.exists():
            tmp = path.with_name(".partial-" + path.name)
            if sample.form == "text-pdf":
                write_text_pdf(sample.text(), tmp, title=sample.text().split("\n", 1)[0])
            elif sample.form == "scan-tiff":
                write_tiff(render_pages(sample.text(), seed=sample.seed), tmp)
            else:
                write_pdf(render_pages(sample.text(), seed=sample.seed), tmp)
            tmp.rename(path)
        written.append(path)
    return written

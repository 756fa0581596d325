#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Fills .ts files from translations/glossary.tsv (source<TAB>de<TAB>es) after `update_translations`.

lupdate keeps finished translations; this script only fills entries the glossary knows and
reports the ones it does not, so a missing translation is visible rather than silently English.
Run `update_translations` again afterwards: it writes the files back in lupdate's layout.
"""
import csv
import pathlib
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(__file__).resolve().parent.parent / "translations"
glossary = {}
with open(root / "glossary.tsv", newline="", encoding="utf-8") as f:
    for row in csv.reader(f, delimiter="\t"):
        if row and not row[0].startswith("#"):
            # "\\n" stands for a line break; "|" separates the plural forms of a %n message.
            unescape = lambda text: text.replace("\\n", "\n")
            glossary[unescape(row[0])] = {"de": unescape(row[1]), "es": unescape(row[2])}

missing = 0
for language in ("de", "es", "en"):
    path = root / f"ponder_{language}.ts"
    tree = ET.parse(path)
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue  # no longer in the sources: lupdate keeps it for a string that comes back, unused till then
        if language == "en":
            text = source
        elif source in glossary:
            text = glossary[source][language]
        else:
            print(f"{path.name}: no translation for {source!r}")
            missing += 1
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            forms = text.split("|") if language != "en" else [source.replace("(s)", ""), source.replace("(s)", "s")]
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)
sys.exit(1 if missing else 0)

#!/usr/bin/python3
"""Checks that benchmarks/pom.xml declares the root pom.xml's dependencies (test scope aside) with
the same versions, classifiers and exclusions: the benchmark module compiles ../src/main/java
itself, so it must build against what the project builds against. Exit 1 naming the differences."""
import os
import sys
import xml.etree.ElementTree as ET

NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def dependencies(path):
    root = ET.parse(path).getroot()
    props = {p.tag.split("}")[1]: (p.text or "").strip() for p in root.find("m:properties", NS)}

    def text(el, tag):
        found = el.find("m:" + tag, NS)
        value = (found.text or "").strip() if found is not None else ""
        for key, val in props.items():
            value = value.replace("${" + key + "}", val)
        return value

    deps = set()
    for d in root.find("m:dependencies", NS).findall("m:dependency", NS):
        if text(d, "scope") == "test":
            continue
        exclusions = tuple(sorted(f"{text(e, 'groupId')}:{text(e, 'artifactId')}"
                                  for e in d.findall("m:exclusions/m:exclusion", NS)))
        deps.add((text(d, "groupId"), text(d, "artifactId"), text(d, "version"), text(d, "classifier"),
                  exclusions))
    return deps


here = os.path.dirname(os.path.abspath(__file__))
project = dependencies(os.path.join(here, "..", "pom.xml"))
bench = {d for d in dependencies(os.path.join(here, "pom.xml")) if d[0] != "org.openjdk.jmh"}
missing, extra = project - bench, bench - project
if missing or extra:
    for d in sorted(missing):
        print("benchmarks/pom.xml lacks (or has another version of):", ":".join(filter(None, d[:4])), d[4] or "")
    for d in sorted(extra):
        print("benchmarks/pom.xml has, the root pom does not:", ":".join(filter(None, d[:4])), d[4] or "")
    print("copy the root pom.xml's <dependencies> (test scope aside) into benchmarks/pom.xml", file=sys.stderr)
    sys.exit(1)
print(f"benchmarks/pom.xml: the root pom's {len(project)} dependencies, same versions")

#!/usr/bin/env bash
# Rebuilds src/YiyangPortal.Web/Security/common-passwords.txt.gz, the bundled list of common and breached passwords
# (docs/security.md, "Passwords"). Not part of the build or CI: run by hand when the sources change.
#   1. @zxcvbn-ts/language-common 4.1.3 (npm, MIT): passwords.json, the 49,233 most frequent passwords of the
#      leaked-password corpus zxcvbn derives its list from, most frequent first.
#   2. john-data (Debian, John the Ripper): /usr/share/john/password.lst, Openwall's list of the most common
#      passwords of Unix systems and of website compromises 2006–2010 (public domain).
# Both lower-cased, deduplicated, in that order.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$PWD/src/YiyangPortal.Web/Security/common-passwords.txt.gz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent @zxcvbn-ts/language-common@4.1.3 >/dev/null
tar xzf zxcvbn-ts-language-common-4.1.3.tgz
apt-get download john-data >/dev/null
dpkg-deb -x john-data_*_all.deb john
node -e 'process.stdout.write(require("./package/src/passwords.json").join("\n") + "\n")' > zxcvbn.txt
grep -v '^#!comment' john/usr/share/john/password.lst > john.txt
cat zxcvbn.txt john.txt | tr '[:upper:]' '[:lower:]' | awk 'length($0) > 0 && !seen[$0]++' | gzip -9n > "$out"
echo "wrote $(zcat "$out" | wc -l) passwords to $out"

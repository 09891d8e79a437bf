#!/usr/bin/env bash
# Renders the README card screenshots: SocBot's own card builders write example cards (card-examples.cs,
# command-card-examples.cs), Microsoft's
# Adaptive Cards renderer turns each into a page (tools/cards/render-card-page.mjs), headless Chromium photographs it.
# Run from anywhere after `npm ci`; needs chromium (Debian: apt-get install -y chromium).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
images="$root/docs/images"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for examples in card-examples.cs command-card-examples.cs; do dotnet run "$images/$examples" -- "$work" > /dev/null; done
width=640
for card in "$work"/*.json; do
  name="$(basename "$card" .json)"
  page="$work/$name.html"
  node "$root/tools/cards/render-card-page.mjs" "$card" --out "$page" --title "$name"
  # Size the shot to the page: lay it out once and read back its height.
  sed -i 's|</body>|<script>document.body.dataset.height = Math.ceil(document.querySelector("footer").getBoundingClientRect().bottom) + 24;</script></body>|' "$page"
  height="$(chromium --headless --no-sandbox --disable-gpu --window-size="$width,4000" --dump-dom "file://$page" 2>/dev/null \
    | grep -o 'data-height="[0-9]*"' | grep -o '[0-9]*')"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,$height" \
    --screenshot="$images/card-$name.png" "file://$page" 2>/dev/null
  echo "$images/card-$name.png (${width}x${height})"
done

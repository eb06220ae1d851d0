#!/bin/sh
# Put SamJournal in the application menu, pointing at the folder this script is in.
#   ./install-desktop-entry.sh            for this user (~/.local/share)
#   sudo XDG_DATA_HOME=/usr/local/share ./install-desktop-entry.sh     for everyone
#   ./install-desktop-entry.sh --remove   take it out again
# Run it again after moving the folder: the menu entry holds the folder's full path.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$share/applications
icons=$share/icons/hicolor

if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/samjournal.desktop" "$icons/256x256/apps/samjournal.png" \
        "$icons/scalable/apps/samjournal.svg"
    exit 0
fi

mkdir -p "$apps" "$icons/256x256/apps" "$icons/scalable/apps"
cp "$here/samjournal.png" "$icons/256x256/apps/samjournal.png"
cp "$here/samjournal.svg" "$icons/scalable/apps/samjournal.svg"
# Exec takes a quoted path (the folder may have spaces); TryExec takes it as it is.
sed -e "s|^Exec=SamJournal|Exec=\"$here/SamJournal\"|" \
    -e "s|^TryExec=SamJournal|TryExec=$here/SamJournal|" \
    "$here/samjournal.desktop" > "$apps/samjournal.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$apps" || true
fi
echo "SamJournal added to the application menu ($apps/samjournal.desktop)"

#pragma once

#include <QString>
#include <QTemporaryDir>
#include <memory>

// A help-desk kiosk writes nothing under the home folder: the console's own files, and those of
// every library that follows the XDG variables (fontconfig's and Mesa's caches, PulseAudio's
// cookie, fcitx5), go to a private folder in the user's runtime folder, removed at sign-out (and
// with the runtime folder, whatever happens). Call before QApplication exists, so that nothing
// has read the old values yet. Null, with the reason in `error`, when there is no runtime
// folder to put it in.
std::unique_ptr<QTemporaryDir> makeKioskPrivateFolder(QString *error);

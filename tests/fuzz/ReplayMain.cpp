// SPDX-License-Identifier: MIT
// Runs a fuzz target over files instead of under libFuzzer: builds without clang (the dev, ci and asan
// presets) replay each target's seed corpus as a test, so the targets compile and their invariants
// hold on every build. usage: TARGET FILE_OR_DIRECTORY...
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QFile::decodeName(argv[i]);
        QStringList files {path};
        if (QFileInfo(path).isDir()) {
            files.clear();
            const QDir dir(path);
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                files.append(dir.filePath(name));
        }
        for (const QString &file : std::as_const(files)) {
            QFile input(file);
            if (!input.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(file));
                return 1;
            }
            const QByteArray data = input.readAll();
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
            ++inputs;
        }
    }
    std::printf("%d inputs replayed without a finding\n", inputs);
    return inputs > 0 ? 0 : 1; // no input is a broken test, not a pass
}

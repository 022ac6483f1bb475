// instance_probe <account folder>: "first" and waits to be asked to raise ("raised"), or
// "second" and exits 1, as a client start for an account already open would.
#include "app/account/InstanceLock.h"

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    InstanceLock lock(app.arguments().value(1));
    if (!lock.acquire()) {
        std::printf("second\n");
        return 1;
    }
    QObject::connect(&lock, &InstanceLock::raiseRequested, &app, [] {
        std::printf("raised\n");
        std::fflush(stdout);
    });
    std::printf("first\n");
    std::fflush(stdout);
    QTimer::singleShot(30000, &app, &QCoreApplication::quit);
    return app.exec();
}

#pragma once

#include "app/storage/CacheWorker.h"

#include <QThread>
#include <QtTest>
#include <atomic>

// The cache worker on its own thread, as the client runs it.
class CacheOnThread
{
public:
    explicit CacheOnThread(const QString &path)
        : worker(new CacheWorker(path))
    {
        worker->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        thread.start();
    }
    ~CacheOnThread()
    {
        thread.quit();
        thread.wait();
    }
    bool open()
    {
        std::atomic<bool> opened{false};
        QObject::connect(
            worker, &CacheWorker::opened, worker, [&opened] { opened = true; },
            Qt::DirectConnection);
        QMetaObject::invokeMethod(worker, &CacheWorker::open);
        return QTest::qWaitFor([&] { return opened.load(); }, 10000);
    }

    QThread thread;
    CacheWorker *worker;
};

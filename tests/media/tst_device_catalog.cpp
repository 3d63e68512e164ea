// The device catalog: synthetic devices after the system's, resolve()'s fallbacks, tone ids.

#include "media/devices/device_catalog.h"

#include <QCoreApplication>
#include <QTest>

using namespace softphone::media;

class TestDeviceCatalog : public QObject
{
    Q_OBJECT

private slots:
    void syntheticDevicesAreListedInOrder_data();
    void syntheticDevicesAreListedInOrder();
    void systemDevicesComeFirstDefaultFirst_data();
    void systemDevicesComeFirstDefaultFirst();
    void resolveFallsBack_data();
    void resolveFallsBack();
    void toneFrequency_data();
    void toneFrequency();
};

void TestDeviceCatalog::syntheticDevicesAreListedInOrder_data()
{
    QTest::addColumn<DeviceKind>("kind");
    QTest::addColumn<QList<QByteArray>>("ids");
    QTest::newRow("microphone") << DeviceKind::Microphone
                                << QList<QByteArray>{synthetic::toneLow, synthetic::toneHigh,
                                                     synthetic::silence};
    QTest::newRow("speaker") << DeviceKind::Speaker << QList<QByteArray>{synthetic::mute};
    QTest::newRow("camera") << DeviceKind::Camera << QList<QByteArray>{synthetic::testPattern};
}

void TestDeviceCatalog::syntheticDevicesAreListedInOrder()
{
    QFETCH(DeviceKind, kind);
    QFETCH(QList<QByteArray>, ids);
    const QList<MediaDevice> synthetic = DeviceCatalog::syntheticDevices(kind);
    QList<QByteArray> found;
    for (const MediaDevice &device : synthetic) {
        found << device.id;
        QCOMPARE(device.kind, kind);
        QVERIFY(device.synthetic);
        QVERIFY(!device.isDefault);
        QVERIFY(!device.name.isEmpty());
        QVERIFY(synthetic::isSynthetic(device.id));
    }
    QCOMPARE(found, ids);

    // the full list ends with them, in the same order
    DeviceCatalog catalog;
    const QList<MediaDevice> all = catalog.devices(kind);
    QVERIFY(all.size() >= synthetic.size());
    QCOMPARE(all.mid(all.size() - synthetic.size()), synthetic);
}

void TestDeviceCatalog::systemDevicesComeFirstDefaultFirst_data()
{
    QTest::addColumn<DeviceKind>("kind");
    QTest::newRow("microphone") << DeviceKind::Microphone;
    QTest::newRow("speaker") << DeviceKind::Speaker;
    QTest::newRow("camera") << DeviceKind::Camera;
}

void TestDeviceCatalog::systemDevicesComeFirstDefaultFirst()
{
    QFETCH(DeviceKind, kind);
    DeviceCatalog catalog;
    const QList<MediaDevice> all = catalog.devices(kind);
    bool seenSynthetic = false;
    int defaults = 0;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const MediaDevice &device = all[i];
        QCOMPARE(device.kind, kind);
        QVERIFY(!device.isNull());
        if (device.synthetic)
            seenSynthetic = true;
        else
            QVERIFY2(!seenSynthetic, "a system device after a synthetic one");
        if (device.isDefault) {
            ++defaults;
            QCOMPARE(i, 0);  // the default leads
        }
        QVERIFY(catalog.contains(kind, device.id));
    }
    QVERIFY(defaults <= 1);
}

void TestDeviceCatalog::resolveFallsBack_data()
{
    QTest::addColumn<DeviceKind>("kind");
    QTest::addColumn<QByteArray>("syntheticId");
    QTest::newRow("microphone") << DeviceKind::Microphone << QByteArray(synthetic::toneHigh);
    QTest::newRow("speaker") << DeviceKind::Speaker << QByteArray(synthetic::mute);
    QTest::newRow("camera") << DeviceKind::Camera << QByteArray(synthetic::testPattern);
}

void TestDeviceCatalog::resolveFallsBack()
{
    QFETCH(DeviceKind, kind);
    QFETCH(QByteArray, syntheticId);
    DeviceCatalog catalog;
    const QList<MediaDevice> all = catalog.devices(kind);
    const MediaDevice first = all.first();

    // a present device is itself
    QCOMPARE(catalog.resolve(kind, syntheticId).id, syntheticId);
    for (const MediaDevice &device : all)
        QCOMPARE(catalog.resolve(kind, device.id), device);

    // empty or unknown: the system default, else the first system device... else synthetic
    const QList<MediaDevice> system =
        all.mid(0, all.size() - catalog.syntheticDevices(kind).size());
    const MediaDevice expected =
        system.isEmpty() ? DeviceCatalog::syntheticDevices(kind).first() : system.first();
    QCOMPARE(first, expected);
    QCOMPARE(catalog.resolve(kind, QByteArray()), expected);
    QCOMPARE(catalog.resolve(kind, "no-such-device"), expected);
    QCOMPARE(catalog.resolve(kind, "synthetic:tone:12345"), expected);  // not listed
    QVERIFY(!catalog.contains(kind, "no-such-device"));
    QVERIFY(!catalog.resolve(kind, "no-such-device").isNull());
}

void TestDeviceCatalog::toneFrequency_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<double>("hz");
    QTest::newRow("low") << QByteArray(synthetic::toneLow) << 440.0;
    QTest::newRow("high") << QByteArray(synthetic::toneHigh) << 880.0;
    QTest::newRow("fraction") << QByteArray("synthetic:tone:261.5") << 261.5;
    QTest::newRow("silence") << QByteArray(synthetic::silence) << 0.0;
    QTest::newRow("no number") << QByteArray("synthetic:tone:") << 0.0;
    QTest::newRow("garbage") << QByteArray("synthetic:tone:abc") << 0.0;
    QTest::newRow("negative") << QByteArray("synthetic:tone:-440") << 0.0;
    QTest::newRow("zero") << QByteArray("synthetic:tone:0") << 0.0;
    QTest::newRow("system id") << QByteArray("alsa_input.pci-0000_00_1f.3.analog-stereo") << 0.0;
    QTest::newRow("empty") << QByteArray() << 0.0;
}

void TestDeviceCatalog::toneFrequency()
{
    QFETCH(QByteArray, id);
    QFETCH(double, hz);
    QCOMPARE(synthetic::toneFrequency(id), hz);
}

QTEST_MAIN(TestDeviceCatalog)
#include "tst_device_catalog.moc"

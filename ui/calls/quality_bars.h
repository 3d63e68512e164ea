#pragma once

#include <QWidget>

namespace softphone::ui {

// The call's quality as 0 to 4 rising bars, like a phone's signal; the details (round trip,
// loss, bitrate) go in its tooltip.
class QualityBars : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxBars = 4;

    explicit QualityBars(QWidget *parent = nullptr);

    void setBars(int bars);
    int bars() const { return m_bars; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateAccessibleName();
    QColor fillColor() const;

    int m_bars = 0;
};

}  // namespace softphone::ui

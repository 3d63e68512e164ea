#pragma once

#include "settings/level_meter.h"

#include <QWidget>

namespace softphone::ui {

// A horizontal meter: the RMS level as a filled bar, the peak as a tick.
class LevelBar : public QWidget
{
    Q_OBJECT

public:
    explicit LevelBar(QWidget *parent = nullptr);

    void setLevel(const AudioLevel &level);
    AudioLevel level() const { return m_level; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    AudioLevel m_level;
};

}  // namespace softphone::ui

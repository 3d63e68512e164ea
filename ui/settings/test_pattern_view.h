#pragma once

#include <QTimer>
#include <QWidget>

namespace softphone::ui {

// The synthetic camera's moving test pattern, animated while the widget is shown.
class TestPatternView : public QWidget
{
    Q_OBJECT

public:
    explicit TestPatternView(QWidget *parent = nullptr);

    int frame() const { return m_frame; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QTimer m_timer;
    int m_frame = 0;
};

}  // namespace softphone::ui

#pragma once

#include <QWidget>

namespace softphone::ui {

// Stands for the other side where there is no picture of them: their avatar and name, and a
// caption such as "Camera off". A voice call shows it; so does a video call whose camera is
// off on the other side.
class PeerCard : public QWidget
{
    Q_OBJECT

public:
    explicit PeerCard(QWidget *parent = nullptr);

    void setPeer(const QString &name);
    void setCaption(const QString &caption);
    QString peer() const { return m_name; }
    QString caption() const { return m_caption; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_name;
    QString m_caption;
};

}  // namespace softphone::ui

#include "models/contact_list_model.h"

#include <QPointer>
#include <algorithm>

namespace softphone::im {

ContactListModel::ContactListModel(ImClient *im, PresenceBook *presence, QObject *parent)
    : QAbstractListModel(parent)
    , m_im(im)
    , m_presence(presence)
{
    connect(m_im, &ImClient::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::Online)
            refresh();
    });
    connect(m_presence, &PresenceBook::changed, this, [this](const QString &account) {
        if (const int row = rowOf(account); row >= 0)
            emit dataChanged(index(row), index(row));
    });
    // The desktop app makes its models once the client is online: load the list now.
    if (m_im->state() == ConnectionState::Online)
        refresh();
}

int ContactListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &account = m_accounts[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_presence->displayName(account);
    case AccountRole:
        return account;
    case OnlineRole:
        return m_presence->isOnline(account);
    case ClientTypesRole: {
        QStringList types;
        if (auto presence = m_presence->find(account)) {
            for (const std::string &type : presence->clientTypes)
                types << QString::fromStdString(type);
        }
        return types;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ContactListModel::roleNames() const
{
    return {{AccountRole, "account"},
            {NameRole, "name"},
            {OnlineRole, "online"},
            {ClientTypesRole, "clientTypes"}};
}

void ContactListModel::refresh()
{
    QPointer<ContactListModel> self(this);
    m_im->call(protocol::ContactsList{},
               [self](std::optional<protocol::ContactList> list, const protocol::ErrorBody &error) {
                   if (!self)
                       return;
                   if (!list) {
                       emit self->failed(error.code, QString::fromStdString(error.message));
                       return;
                   }
                   self->reset(list->contacts);
               });
}

void ContactListModel::addContact(const QString &account)
{
    QPointer<ContactListModel> self(this);
    m_im->call(protocol::ContactsAdd{account.trimmed().toStdString()},
               [self](std::optional<protocol::Presence> added, const protocol::ErrorBody &error) {
                   if (!self)
                       return;
                   if (!added) {
                       emit self->failed(error.code, QString::fromStdString(error.message));
                       return;
                   }
                   self->m_presence->update(*added);
                   self->insertSorted(QString::fromStdString(added->account));
               });
}

void ContactListModel::removeContact(const QString &account)
{
    QPointer<ContactListModel> self(this);
    m_im->call(
        protocol::ContactsRemove{account.toStdString()},
        [self, account](std::optional<protocol::Empty> ok, const protocol::ErrorBody &error) {
            if (!self)
                return;
            if (!ok) {
                emit self->failed(error.code, QString::fromStdString(error.message));
                return;
            }
            if (const int row = self->rowOf(account); row >= 0) {
                self->beginRemoveRows({}, row, row);
                self->m_accounts.erase(self->m_accounts.begin() + row);
                self->endRemoveRows();
            }
        });
}

int ContactListModel::rowOf(const QString &account) const
{
    auto it = std::find(m_accounts.begin(), m_accounts.end(), account);
    return it == m_accounts.end() ? -1 : int(it - m_accounts.begin());
}

void ContactListModel::reset(const std::vector<protocol::Presence> &contacts)
{
    beginResetModel();
    m_accounts.clear();
    for (const protocol::Presence &contact : contacts) {
        m_presence->update(contact);
        m_accounts.push_back(QString::fromStdString(contact.account));
    }
    std::sort(m_accounts.begin(), m_accounts.end(),
              [this](const QString &a, const QString &b) { return lessThan(a, b); });
    endResetModel();
}

void ContactListModel::insertSorted(const QString &account)
{
    if (rowOf(account) >= 0)
        return;
    auto at =
        std::lower_bound(m_accounts.begin(), m_accounts.end(), account,
                         [this](const QString &a, const QString &b) { return lessThan(a, b); });
    const int row = int(at - m_accounts.begin());
    beginInsertRows({}, row, row);
    m_accounts.insert(at, account);
    endInsertRows();
}

bool ContactListModel::lessThan(const QString &a, const QString &b) const
{
    const int byName = QString::localeAwareCompare(m_presence->displayName(a).toCaseFolded(),
                                                   m_presence->displayName(b).toCaseFolded());
    return byName != 0 ? byName < 0 : a < b;
}

}  // namespace softphone::im

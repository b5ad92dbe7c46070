// The admins' mailbox: the e-mail notifications kept because no mail server is configured, newest first.
"use strict";

async function showMailbox() {
  await I18n.ready;
  document.title = I18n.t("mailbox.title");
  const messages = await Api.get("/api/admin/mailbox?limit=500");
  const rows = document.getElementById("rows");
  rows.replaceChildren();
  for (const message of messages) {
    const row = document.createElement("tr");
    Api.cell(row, I18n.dateTime(message.createdAt));
    Api.cell(row, message.recipient + " <" + message.email + ">");
    Api.cell(row, message.subject);
    Api.cell(row, message.body).className = "mail-body";
    rows.appendChild(row);
  }
  document.getElementById("messages").hidden = messages.length === 0;
  document.getElementById("empty").hidden = messages.length > 0;
}

showMailbox().catch(Api.showError);

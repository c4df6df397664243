<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EvaluationLinks</name>
    <message>
        <source>The server does not have this evaluation round yet. Sync, then try again.</source>
        <extracomment>issued (a link waits for its one submission) | submitted | none (never issued) The link, only from ``issue_phone_links`` and only for links it issued; else &quot;&quot;. draft | open | closed, as the server holds the round. One per invited enterprise (or per enterprise asked for), by enterprise name.</extracomment>
        <translation>服务器上还没有该测评，请先同步后再试。</translation>
    </message>
    <message>
        <source>The evaluation round is closed, so no more links can be issued for it.</source>
        <translation>该测评已结束，不能再发放链接。</translation>
    </message>
    <message>
        <source>The evaluation round has no unit or dimension to score. Complete it, sync, then try again.</source>
        <translation>该测评没有可打分的测评单位或测评项目，请补充完整并同步后再试。</translation>
    </message>
    <message>
        <source>Links can only be issued to enterprises invited to the round. Sync the round&apos;s invitations, then try again.</source>
        <translation>只能给受邀参加该测评的企业发放链接。请同步测评的邀请名单后再试。</translation>
    </message>
    <message>
        <source>The address for phones must start with http:// or https://.</source>
        <translation>手机访问地址须以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <source>Only a service centre account can issue the links of an evaluation round.</source>
        <translation>只有服务中心账号可以发放测评链接。</translation>
    </message>
    <message>
        <source>The server does not offer phone scoring. Ask the administrator to update it.</source>
        <translation>服务器不支持手机测评，请联系管理员升级服务器。</translation>
    </message>
    <message>
        <source>This laptop is not signed in to a server yet. Sign in first.</source>
        <translation>本机尚未登录服务器，请先登录。</translation>
    </message>
</context>
</TS>

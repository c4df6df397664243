<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Passes</name>
    <message>
        <source>Valid pass</source>
        <extracomment>Printed before the server signed it: not proof of anything at a gate. Signed by a key this laptop does not know: sync to get the county&apos;s keys. No pass code could be read at all. ``liaison verify-pass`` exit codes: 0 only for a pass that lets its holder in.</extracomment>
        <translation>有效通行证</translation>
    </message>
    <message>
        <source>Not valid yet</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>Provisional: not signed yet</source>
        <translation>临时证：尚未签发</translation>
    </message>
    <message>
        <source>Unknown signing key</source>
        <translation>签发密钥未知</translation>
    </message>
    <message>
        <source>Forged or altered</source>
        <translation>伪造或被改动</translation>
    </message>
    <message>
        <source>No pass code found</source>
        <translation>未找到通行证二维码</translation>
    </message>
    <message>
        <source>The county&apos;s signature is genuine and the pass is valid today. Compare the name and ID number with the holder&apos;s ID card.</source>
        <translation>县级签名真实，通行证今日有效。请核对持证人身份证上的姓名和证件号码。</translation>
    </message>
    <message>
        <source>The pass is genuine but only valid from {start}.</source>
        <translation>通行证真实，但自 {start} 起才生效。</translation>
    </message>
    <message>
        <source>The pass is genuine but expired on {end}.</source>
        <translation>通行证真实，但已于 {end} 过期。</translation>
    </message>
    <message>
        <source>The pass was withdrawn on {day}: do not let the holder in on it.</source>
        <translation>通行证已于 {day} 注销，不得凭此证放行。</translation>
    </message>
    <message>
        <source>This card was printed before the service centre signed the pass. Ask the liaison officer to sync and print it again.</source>
        <translation>此证打印时服务中心尚未签发。请驻企联络员同步后重新打印。</translation>
    </message>
    <message>
        <source>The pass names signing key {key}, which this computer does not have. Sync with the server, then check again; if it stays unknown, treat the pass as forged.</source>
        <translation>通行证使用的签发密钥 {key} 本机没有。请与服务器同步后再核验；如仍未知，按伪造处理。</translation>
    </message>
    <message>
        <source>The code does not carry the county&apos;s signature, or something on it was changed. Do not let the holder in on it.</source>
        <translation>二维码没有县级签名，或内容已被改动。不得凭此证放行。</translation>
    </message>
    <message>
        <source>No pass QR code could be read. Take the photo straight on, in good light, with the whole code in the picture.</source>
        <translation>未能读出通行证二维码。请在光线充足处正对证件拍摄，并拍全整个二维码。</translation>
    </message>
    <message>
        <source>Pass number: {value}</source>
        <translation>通行证号：{value}</translation>
    </message>
    <message>
        <source>Holder: {value}</source>
        <translation>持证人：{value}</translation>
    </message>
    <message>
        <source>Unit: {value}</source>
        <translation>单位：{value}</translation>
    </message>
    <message>
        <source>Valid: {value}</source>
        <translation>有效期：{value}</translation>
    </message>
    <message>
        <source>Signed with county key {value}</source>
        <translation>签发密钥：{value}</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>VerifyPassDialog</name>
    <message>
        <source>Verify a pass</source>
        <translation>验证通行证</translation>
    </message>
    <message>
        <source>Choose a photo or scan of the pass card; the QR code is checked against the county&apos;s keys on this computer, without a network.</source>
        <translation>请选择通行证的照片或扫描件；二维码将用本机保存的县级密钥核验，无需联网。</translation>
    </message>
    <message>
        <source>Choose photo or scan…</source>
        <translation>选择照片或扫描件…</translation>
    </message>
    <message>
        <source>or paste the code&apos;s text</source>
        <translation>或粘贴二维码文字</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核验</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Pass number</source>
        <translation>通行证号</translation>
    </message>
    <message>
        <source>Photo or scan of a pass</source>
        <translation>通行证照片或扫描件</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Could not check</source>
        <translation>无法核验</translation>
    </message>
</context>
</TS>

package cn.wushe.attachments.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code wushe.attachments.*}: where blobs lie and what an upload may be.
 *
 * @param directory      the filesystem blob store; default {@code ${wushe.data-dir}/files}
 * @param maxImage       an uploaded photo (before re-encoding)
 * @param maxPdf         a PDF document
 * @param maxOffice      a Word or Excel file (the ZIP itself; its inflated size is bounded separately)
 * @param maxPixels      width × height read from the image header, refused before any pixel is decoded
 * @param maxAspectRatio longer side ÷ shorter side
 * @param servedSide     longest side of the served (re-encoded) image; larger photos are scaled down
 * @param thumbnailSide  longest side of a thumbnail
 */
@ConfigurationProperties("wushe.attachments")
public record AttachmentProperties(@Nullable String directory, @Nullable DataSize maxImage, @Nullable DataSize maxPdf,
        @Nullable DataSize maxOffice, @Nullable Long maxPixels, @Nullable Integer maxAspectRatio,
        @Nullable Integer servedSide, @Nullable Integer thumbnailSide) {

    public AttachmentProperties {
        maxImage = maxImage != null ? maxImage : DataSize.ofMegabytes(15);
        maxPdf = maxPdf != null ? maxPdf : DataSize.ofMegabytes(20);
        maxOffice = maxOffice != null ? maxOffice : DataSize.ofMegabytes(10);
        maxPixels = maxPixels != null ? maxPixels : 40_000_000L;
        maxAspectRatio = maxAspectRatio != null ? maxAspectRatio : 20;
        servedSide = servedSide != null ? servedSide : 2560;
        thumbnailSide = thumbnailSide != null ? thumbnailSide : 320;
    }

    long maxImageBytes() {
        return maxImage.toBytes();
    }

    long maxPdfBytes() {
        return maxPdf.toBytes();
    }

    long maxOfficeBytes() {
        return maxOffice.toBytes();
    }
}

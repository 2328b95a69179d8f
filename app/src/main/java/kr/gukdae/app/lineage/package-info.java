@NullMarked
package kr.gukdae.app.lineage;

import org.jspecify.annotations.NullMarked;

@NullMarked
package kr.gukdae.ledger;

import org.jspecify.annotations.NullMarked;
